"""A salon's documents in the back office (the door: `ManageView`): the list with the VAT-number
warning, each document's PDF, and the exports."""

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from apps.backoffice.api.common import ManageView, salon_instant, validated
from apps.backoffice.errors import ManagersOnly
from apps.core.file_responses import XLSX_TYPE, ErrorsAsJson, export_attachment
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination
from apps.salons.errors import SalonNotFound

from ..errors import DocumentNotFound
from ..exports import documents_export
from ..selectors import salon_document_get, salon_document_list, salon_vat_number_missing
from .common import PDF_RESPONSE, TAG, pdf_response
from .serializers import (
    MAX_DAYS,
    DocumentExportQuerySerializer,
    DocumentListQuerySerializer,
    InvoiceDocumentPageSerializer,
    InvoiceDocumentSerializer,
    PdfQuerySerializer,
)

DOOR_ERRORS = (ManagersOnly, SalonNotFound)


class DocumentListView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salon_invoices",
        summary="The salon's invoices, credit notes and receipts",
        description=(
            "Latest first, paginated, optionally issued within `from`–`to` (days in the salon's time zone, both "
            "included) and of one `kind`. `vat_number_missing`: the salon has no VAT number, so its paid bookings "
            "get receipts instead of tax invoices until it adds one."
        ),
        parameters=[DocumentListQuerySerializer],
        responses={200: InvoiceDocumentPageSerializer, **error_responses(INVALID_INPUT, *DOOR_ERRORS)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(DocumentListQuerySerializer, request.query_params)
        documents = salon_document_list(
            salon=salon,
            start=salon_instant(query.get("from"), salon),
            end=salon_instant(query.get("to"), salon, end=True),
            kind=query.get("kind"),
        )
        paginator = StandardPagination()
        page = paginator.paginate_queryset(documents, request, view=self)
        response = paginator.get_paginated_response(InvoiceDocumentSerializer(page, many=True).data)
        response.data["vat_number_missing"] = salon_vat_number_missing(salon)
        return Response(response.data)


class DocumentPdfView(ManageView):
    throttle_scope = "reports"
    content_negotiation_class = ErrorsAsJson

    @extend_schema(
        tags=[TAG],
        operation_id="manage_salon_invoice_pdf",
        summary="One of the salon's documents, as a PDF",
        parameters=[OpenApiParameter("document_id", int, OpenApiParameter.PATH), PdfQuerySerializer],
        responses={**PDF_RESPONSE, **error_responses(INVALID_INPUT, ManagersOnly, (SalonNotFound, DocumentNotFound))},
    )
    def get(self, request, salon_id: int, document_id: int):
        document = salon_document_get(salon=self.salon(salon_id), document_id=document_id)
        query = validated(PdfQuerySerializer, request.query_params)
        return pdf_response([document], size=query["size"])


class DocumentExportView(ManageView):
    throttle_scope = "exports"
    file_format = ""
    content_negotiation_class = ErrorsAsJson

    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(DocumentExportQuerySerializer, request.query_params)
        export = documents_export(
            salon=salon,
            start=salon_instant(query["from"], salon),
            end=salon_instant(query["to"], salon, end=True),
            kind=query.get("kind"),
        )
        filename = f"{salon.slug}-invoices-{query['from'].isoformat()}-{query['to'].isoformat()}.{self.file_format}"
        return export_attachment(export, file_format=self.file_format, tz=salon.tz, filename=filename)


def _export_view(file_format: str, media_type: str, format_description: str):
    view = type(f"Invoices{file_format.title()}ExportView", (DocumentExportView,), {"file_format": file_format})

    @extend_schema(
        tags=[TAG],
        operation_id=f"manage_salons_exports_invoices_{file_format}",
        summary=f"The salon's invoices, credit notes and receipts ({file_format.upper()})",
        description=(
            "One row per document issued in the range, in the order they were numbered: number, kind, issue time "
            "(salon's time zone), booking, customer, the document a credit note refers to, amounts excluding VAT, "
            f"VAT and total in SAR (negative for a credit note), UUID. {format_description} `from` and `to` are "
            f"days in the salon's time zone, both included, at most {MAX_DAYS} days apart; `kind` keeps one kind."
        ),
        parameters=[DocumentExportQuerySerializer],
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description="The file, as an attachment."),
            **error_responses(INVALID_INPUT, *DOOR_ERRORS),
        },
    )
    def get(self, request, salon_id: int):
        return DocumentExportView.get(self, request, salon_id)

    view.get = get
    return view.as_view()


app_name = "invoicing_manage"

urlpatterns = [
    path("salons/<int:salon_id>/invoices/", DocumentListView.as_view(), name="invoices"),
    path("salons/<int:salon_id>/invoices/<int:document_id>.pdf", DocumentPdfView.as_view(), name="invoice-pdf"),
    path(
        "salons/<int:salon_id>/exports/invoices.csv",
        _export_view(
            "csv",
            "text/csv",
            "CSV, UTF-8 with a byte order mark, streamed. A text starting with `=`, `+`, `-` or `@` gets a leading "
            "`'`.",
        ),
        name="export-invoices-csv",
    ),
    path(
        "salons/<int:salon_id>/exports/invoices.xlsx",
        _export_view(
            "xlsx",
            XLSX_TYPE,
            "An Excel workbook: typed cells, a totals row, headers in the request's language, right to left in Arabic.",
        ),
        name="export-invoices-xlsx",
    ),
]
