"""Reports of a salon and of the platform (filled in by the summary work)."""

urlpatterns: list = []
