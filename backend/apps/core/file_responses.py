"""What the views that answer with a file share (exports, statements, PDFs): errors in JSON whatever
the client accepts, and the file as an attachment: CSV streamed in the request's language, Excel or
a PDF in one piece."""

from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from rest_framework.negotiation import DefaultContentNegotiation

from .exports import Export, csv_chunks, xlsx_bytes
from .i18n import current_language

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ErrorsAsJson(DefaultContentNegotiation):
    """Whatever the client accepts (`text/csv`, `application/pdf`), errors are answered in JSON: the
    file itself is not rendered by DRF."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _in_language(language: str, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks made in the request's language: a streamed body is made after the view returns."""
    with translation.override(language):
        yield from chunks


def csv_attachment(chunks: Iterator[bytes], filename: str) -> StreamingHttpResponse:
    """A streamed CSV whose chunks are made in the active (the request's) language."""
    response = StreamingHttpResponse(_in_language(translation.get_language(), chunks))
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_attachment(export: Export, *, file_format: str, tz: ZoneInfo, filename: str) -> HttpResponse:
    """`export` as CSV (streamed) or Excel (right to left in Arabic), by the shared writers."""
    if file_format == "csv":
        return csv_attachment(csv_chunks(export, tz=tz), filename)
    return attachment(xlsx_bytes(export, tz=tz, right_to_left=current_language() == "ar"), XLSX_TYPE, filename)
