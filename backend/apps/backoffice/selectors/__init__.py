"""Reads of the back office: the catalog and team (`catalog`), the desk's calendar and bookings
(`desk`), the salon's customers (`customers`). Each takes a salon the caller was already let in to (`access.managed_salon_get`)."""
