"""The salon's money under `/api/manage/` beside the back office (same door: `ManageView`): balance,
statement (JSON, CSV, Excel, PDF; also under the shorter `statement…` paths), payouts, payout details."""

from django.urls import path
from drf_spectacular.utils import extend_schema

from . import balance, payouts

app_name = "ledger"

SALON = "salons/<int:salon_id>/"


def alias(view_class):
    """The same view at a second path, left out of the API docs (its operation names the alias)."""

    class Alias(view_class):
        @extend_schema(exclude=True)
        def get(self, request, salon_id: int):
            return super().get(request, salon_id)

    Alias.__name__ = Alias.__qualname__ = f"{view_class.__name__}Alias"
    return Alias.as_view()


StatementCsvView = balance.statement_file_view("csv")
StatementXlsxView = balance.statement_file_view("xlsx")
StatementPdfView = balance.statement_file_view("pdf")

urlpatterns = [
    path(SALON + "balance/", balance.BalanceView.as_view(), name="balance"),
    path(SALON + "balance/statement/", balance.StatementView.as_view(), name="statement"),
    path(SALON + "balance/statement.csv", StatementCsvView.as_view(), name="statement-csv"),
    path(SALON + "balance/statement.xlsx", StatementXlsxView.as_view(), name="statement-xlsx"),
    path(SALON + "balance/statement.pdf", StatementPdfView.as_view(), name="statement-pdf"),
    path(SALON + "statement/", alias(balance.StatementView), name="statement-alias"),
    path(SALON + "statement.csv", alias(StatementCsvView), name="statement-csv-alias"),
    path(SALON + "statement.xlsx", alias(StatementXlsxView), name="statement-xlsx-alias"),
    path(SALON + "statement.pdf", alias(StatementPdfView), name="statement-pdf-alias"),
    path(SALON + "payouts/", payouts.PayoutListView.as_view(), name="payout-list"),
    path(SALON + "payout-details/", payouts.PayoutDetailsView.as_view(), name="payout-details"),
    path(SALON + "payout-details/code/", payouts.PayoutCodeView.as_view(), name="payout-details-code"),
]
