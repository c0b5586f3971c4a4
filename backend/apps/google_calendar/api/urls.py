from django.urls import path

from . import views

app_name = "google-calendar"

urlpatterns = [
    path("connect/", views.ConnectView.as_view(), name="connect"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
    path("fake-consent/", views.FakeConsentView.as_view(), name="fake-consent"),
    path("status/", views.StatusView.as_view(), name="status"),
    path("calendars/", views.CalendarListView.as_view(), name="calendars"),
    path("disconnect/", views.DisconnectView.as_view(), name="disconnect"),
    path("conflicts/", views.ConflictListView.as_view(), name="conflicts"),
    path("notifications/", views.PushNotificationView.as_view(), name="notifications"),
]
