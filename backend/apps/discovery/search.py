"""Arabic-aware text matching for the salon search.

People type Arabic with or without diacritics and with any spelling of alef, ta marbuta and alef
maqsura, so the query and the stored text are folded the same way before they are compared:
tashkeel and tatweel are dropped, أ إ آ ٱ become ا, ة becomes ه, ى becomes ي, and case is folded.
"""

from collections.abc import Iterable

# Tanween, harakat, shadda, sukun, superscript alef and tatweel.
_DROPPED = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"

_FOLDS = str.maketrans(
    {
        **dict.fromkeys(_DROPPED),
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
    }
)


def fold_text(text: str) -> str:
    return text.translate(_FOLDS).casefold()


def search_terms(query: str) -> list[str]:
    """The folded, distinct words of a query, in order."""
    return list(dict.fromkeys(fold_text(query).split()))


def matches_every_term(terms: list[str], texts: Iterable[str]) -> bool:
    """Whether each term occurs in one of `texts` (terms have no spaces, so none spans two texts)."""
    haystack = "\n".join(fold_text(text) for text in texts)
    return all(term in haystack for term in terms)
