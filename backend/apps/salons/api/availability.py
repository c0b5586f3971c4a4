# Being written in this session.
from rest_framework.views import APIView


class _Pending(APIView):
    pass


SalonListView = SalonDetailView = SalonServicesView = SalonStaffView = SalonAvailabilityView = _Pending
