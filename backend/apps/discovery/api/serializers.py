"""The salon list shows each salon as the catalog summarises it (the salon page extends that shape)."""

from apps.salons.serializers import SalonListSerializer

__all__ = ["SalonListSerializer"]
