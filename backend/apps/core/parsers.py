from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class SafeJSONParser(JSONParser):
    """JSON bodies; anything unreadable (broken, or nested deeply enough to exhaust the parser)
    is a 400 with a translated message instead of a server error."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except (ParseError, RecursionError):
            raise ParseError(_("The request body is not valid JSON."), code="parse_error") from None
