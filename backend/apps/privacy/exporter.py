"""Access and portability: everything held about one person, as one JSON document.

The document is a registry of sections: each section is a function of the user returning plain JSON
(a dict or a list) in a constant number of queries. Another part of the product adds its own
section by decorating a function with `@export_section("<name>")` in a module imported by
`apps.privacy.sections` (as the consents are, under "consents").
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.utils import timezone

Section = Callable[[Any], Any]
SECTIONS: dict[str, Section] = {}

FORMAT_VERSION = 1


def export_section(name: str) -> Callable[[Section], Section]:
    """Register `function(user) -> JSON` as the export's section `name` (in registration order)."""

    def register(function: Section) -> Section:
        if name in SECTIONS:
            raise ValueError(f"The export already has a section {name!r}.")
        SECTIONS[name] = function
        return function

    return register


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def personal_data_document(*, user, now: datetime | None = None) -> dict[str, Any]:
    """The whole document for `user`: its sections, in order, after a short header."""
    from . import sections  # noqa: F401  the built-in sections register on import

    now = now or timezone.now()
    document: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "generated_at": now.isoformat(),
        "user_id": user.pk,
    }
    for name, section in SECTIONS.items():
        document[name] = section(user)
    return document
