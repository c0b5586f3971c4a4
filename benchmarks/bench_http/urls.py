"""The application's URLs plus `GET /api/bench/bare/`: a DRF view that returns a constant through the
same middleware, authentication, permission and renderer as every API view, i.e. the stack's limit."""

from config.urls import handler400, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as application_urlpatterns
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

BARE_BODY = {"salon": 1, "service": 1, "timezone": "Asia/Riyadh", "days": []}


class BareView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response(BARE_BODY)


urlpatterns = [path("api/bench/bare/", BareView.as_view(), name="bench-bare"), *application_urlpatterns]
