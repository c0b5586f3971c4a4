"""What the document views share: errors in JSON whatever the client accepts, and the PDF answer."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework.negotiation import DefaultContentNegotiation

from apps.core.pdf import PAGE_SIZES

from ..models import Document
from ..rendering import documents_pdf

TAG = "invoicing"
PDF_RESPONSE = {(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF.")}


class ErrorsAsJson(DefaultContentNegotiation):
    """Whatever the client accepts (`application/pdf`, `text/csv`), errors are answered in JSON: the
    file itself is not rendered by DRF."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def pdf_response(documents: list[Document], *, size: str) -> HttpResponse:
    response = HttpResponse(documents_pdf(documents, page=PAGE_SIZES[size]), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents[0].number}.pdf"'
    return response
