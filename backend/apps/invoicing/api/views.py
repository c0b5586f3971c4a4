"""A customer's invoice of their booking paid online: `GET /api/bookings/{id}/invoice/` and its PDF."""

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.backoffice.api.common import validated
from apps.core.file_responses import ErrorsAsJson
from apps.core.openapi import INVALID_INPUT, error_responses

from ..errors import InvoiceNotFound
from ..selectors import booking_invoice_get
from .common import PDF_RESPONSE, TAG, pdf_response
from .serializers import InvoiceSerializer, PdfQuerySerializer

BOOKING_ID = OpenApiParameter("booking_id", int, OpenApiParameter.PATH)


class BookingInvoiceView(APIView):
    @extend_schema(
        tags=[TAG],
        operation_id="booking_invoice",
        summary="The invoice of my booking paid online",
        description=(
            "The simplified tax invoice of the caller's booking paid online, in the salon's name, with its credit "
            "notes (refunds) in order; a salon without a VAT number issues a receipt instead (`kind` `receipt`: no "
            "VAT, no QR code). Amounts are integer halalas, VAT included in `total`. Anyone else's booking, or a "
            "booking not paid online, has no invoice."
        ),
        parameters=[BOOKING_ID],
        responses={200: InvoiceSerializer, **error_responses(InvoiceNotFound, AUTHENTICATION_ERRORS)},
    )
    def get(self, request, booking_id: int):
        invoice = booking_invoice_get(user=request.user, booking_id=booking_id)
        return Response(InvoiceSerializer(invoice).data)


class BookingInvoicePdfView(APIView):
    throttle_scope = "reports"
    content_negotiation_class = ErrorsAsJson

    @extend_schema(
        tags=[TAG],
        operation_id="booking_invoice_pdf",
        summary="The invoice of my booking paid online, as a PDF",
        description="The invoice (A4, or an 80 mm receipt roll), followed by its credit notes, Arabic with English.",
        parameters=[BOOKING_ID, PdfQuerySerializer],
        responses={**PDF_RESPONSE, **error_responses(INVALID_INPUT, InvoiceNotFound, AUTHENTICATION_ERRORS)},
    )
    def get(self, request, booking_id: int):
        invoice = booking_invoice_get(user=request.user, booking_id=booking_id)
        query = validated(PdfQuerySerializer, request.query_params)
        return pdf_response([invoice, *invoice.credit_notes.all()], size=query["size"])


app_name = "invoicing"

urlpatterns = [
    path("bookings/<int:booking_id>/invoice/", BookingInvoiceView.as_view(), name="booking-invoice"),
    path("bookings/<int:booking_id>/invoice.pdf", BookingInvoicePdfView.as_view(), name="booking-invoice-pdf"),
]
