from django.utils import translation


def current_language() -> str:
    return (translation.get_language() or "ar")[:2]


def localized(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` in the active language, falling back to the other language."""
    language = language or current_language()
    other = "en" if language == "ar" else "ar"
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_{other}", "") or ""
