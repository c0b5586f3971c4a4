"""What the document views share: the PDF answer (errors in JSON: `apps/core/file_responses.py`)."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse

from apps.core.file_responses import attachment
from apps.core.pdf import PAGE_SIZES

from ..models import Document
from ..rendering import documents_pdf

TAG = "invoicing"
PDF_RESPONSE = {(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF.")}


def pdf_response(documents: list[Document], *, size: str) -> HttpResponse:
    return attachment(documents_pdf(documents, page=PAGE_SIZES[size]), "application/pdf", f"{documents[0].number}.pdf")
