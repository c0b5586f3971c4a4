from django.urls import path

from . import email_views, views

app_name = "notifications"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="notification-list"),
    path("unread-count/", views.UnreadCountView.as_view(), name="notification-unread-count"),
    path("inbound-sms/", views.InboundMessageView.as_view(), name="notification-inbound-sms"),
    path("unsubscribe/", email_views.EmailUnsubscribeView.as_view(), name="notification-email-unsubscribe"),
    path("email-events/", email_views.EmailEventsView.as_view(), name="notification-email-events"),
    path("read-all/", views.MarkAllReadView.as_view(), name="notification-read-all"),
    path("<int:notification_id>/read/", views.MarkReadView.as_view(), name="notification-read"),
]
