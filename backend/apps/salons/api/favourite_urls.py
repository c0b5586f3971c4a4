from django.urls import path

from . import favourites

app_name = "favourites"

urlpatterns = [
    path("", favourites.FavouriteListView.as_view(), name="favourite-list"),
    path("<int:salon_id>/", favourites.FavouriteView.as_view(), name="favourite"),
]
