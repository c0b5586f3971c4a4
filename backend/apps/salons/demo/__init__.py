"""Demo data for `manage.py seed_demo`: the data, the images and the code that writes them."""
