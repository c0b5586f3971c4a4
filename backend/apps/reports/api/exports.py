"""CSV and Excel exports of a salon (filled in by the exports work)."""

urlpatterns: list = []
