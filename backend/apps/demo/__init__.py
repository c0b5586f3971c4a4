"""Demo data for development: `manage.py seed_demo` fills the database with salons, services, staff,
hours, bookings, reviews and one account per role.

This app sits at the top of the stack: it imports the domain apps and none of them imports it.
It is installed always (the test suite and `make run` use it) but is a development tool only:
production never needs `seed_demo`, and without DJANGO_DEBUG the command refuses to run unless
DEMO_ADMIN_PASSWORD is set.

    data.py      the demo catalog and accounts as plain data
    images.py    generated placeholder salon photos
    catalog.py   writes the catalog and accounts idempotently
    bookings.py  writes the demo bookings and reviews
"""
