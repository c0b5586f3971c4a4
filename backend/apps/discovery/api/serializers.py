"""The salon list shows each salon as the catalog summarises it (the salon page extends that shape)."""

from apps.salons.api.serializers import SalonListSerializer

__all__ = ["SalonListSerializer"]
