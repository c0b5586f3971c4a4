"""Reports and exports, under `/api/manage/` beside the back office (same door: `ManageView`)."""

from . import exports, summary

app_name = "reports"

urlpatterns = [*summary.urlpatterns, *exports.urlpatterns]
