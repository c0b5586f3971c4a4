from django.urls import path

from . import views

app_name = "discovery"

urlpatterns = [
    path("", views.SalonListView.as_view(), name="salon-list"),
    path("cities/", views.CityListView.as_view(), name="city-list"),
    path("suggest/", views.SuggestView.as_view(), name="salon-suggest"),
]
