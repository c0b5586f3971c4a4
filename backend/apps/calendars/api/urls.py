from django.urls import path, re_path

from ..tokens import TOKEN_PATTERN
from . import views

app_name = "calendars"

urlpatterns = [
    re_path(rf"^feeds/(?P<token>{TOKEN_PATTERN})\.ics$", views.FeedView.as_view(), name="feed"),
    path("feeds/me/", views.OwnFeedView.as_view(), name="feed-me"),
    path("feeds/me/rotate/", views.OwnFeedRotateView.as_view(), name="feed-me-rotate"),
    path("feeds/staff/<int:staff_id>/", views.StaffFeedView.as_view(), name="feed-staff"),
    path("feeds/staff/<int:staff_id>/rotate/", views.StaffFeedRotateView.as_view(), name="feed-staff-rotate"),
    path("feeds/salons/<int:salon_id>/", views.SalonFeedView.as_view(), name="feed-salon"),
    path("feeds/salons/<int:salon_id>/rotate/", views.SalonFeedRotateView.as_view(), name="feed-salon-rotate"),
]
