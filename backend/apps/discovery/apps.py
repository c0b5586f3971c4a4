from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """Finding salons: the public salon list with its search, filters and orderings. It reads the
    catalog (salons) and the availability engine (bookings), so it sits above both."""

    name = "apps.discovery"
    label = "discovery"
