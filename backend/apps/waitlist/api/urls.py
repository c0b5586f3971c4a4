from django.urls import path

from . import views

app_name = "waitlist"

urlpatterns = [
    path("", views.WaitlistView.as_view(), name="waitlist"),
    path("<int:entry_id>/", views.WaitlistEntryView.as_view(), name="waitlist-entry"),
    path("offers/<int:booking_id>/", views.WaitlistOfferView.as_view(), name="waitlist-offer"),
    path("offers/<int:booking_id>/accept/", views.WaitlistOfferAcceptView.as_view(), name="waitlist-offer-accept"),
    path("offers/<int:booking_id>/decline/", views.WaitlistOfferDeclineView.as_view(), name="waitlist-offer-decline"),
]
