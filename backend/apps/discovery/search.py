"""The query side of the salon search: the condition and the relevance of a list of folded search
terms, for the database in use. The stored side (what is folded and how) is
`apps.salons.search_index`; the indexes are `apps.salons.search_backend`.
"""

from django.conf import settings
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from apps.salons.models import Salon
from apps.salons.search_backend import fts_available
from apps.salons.search_index import fold_text, search_terms

__all__ = [
    "TYPO_MIN_LENGTH",
    "fold_text",
    "search_backend_filter",
    "search_relevance",
    "search_terms",
    "typo_of_a_word",
]

# FTS5's trigram tokenizer cannot match a string shorter than a trigram.
_FTS_MIN_LENGTH = 3

# A term found as spelt in this many active salons (a page of results) is not searched for typos.
COMMON_TERM_SALONS = 20

# How much more a match in the salon's own names counts than a match elsewhere.
_NAME_WEIGHT = 2.0


def search_backend_filter(salons: QuerySet[Salon], terms: list[str]) -> tuple[QuerySet[Salon], bool]:
    """`salons` whose `search_text` matches every term, as a substring or within a typo; and whether
    any term was matched within a typo.

    A term found as a substring in at least a page of active salons is a word people spell that way:
    it is matched as a substring only. Only a rarer term also matches within a typo, so a common word
    never pays for the per-row similarity of thousands of rows (the substring match is the trigram
    index's cheap case).
    """
    connection = connections[salons.db]
    fts = connection.vendor != "postgresql" and fts_available(connection)
    fuzzy_terms = {
        term
        for term in terms
        if len(term) >= TYPO_MIN_LENGTH
        and (connection.vendor == "postgresql" or fts)
        and not _common_term(salons.db, _exact_match(term, fts=fts))
    }
    for term in terms:
        exact = _exact_match(term, fts=fts)
        if term not in fuzzy_terms:
            salons = salons.filter(exact)
        elif connection.vendor == "postgresql":
            salons = salons.filter(exact | Q(search_text__trigram_word_similar=term))
        else:
            salons = salons.filter(exact | Q(id__in=_sqlite_typo_matches(term)))
    return salons, bool(fuzzy_terms)


def _exact_match(term: str, *, fts: bool) -> Q:
    """`search_text` contains `term`: on PostgreSQL a `LIKE` the trigram index serves, on SQLite the
    FTS5 mirror (when available and the term is at least a trigram)."""
    if fts and len(term) >= _FTS_MIN_LENGTH:
        return Q(id__in=RawSQL(_FTS_MATCH, [_fts_phrase(term)]))  # noqa: S611 (a bound parameter)
    return Q(search_text__contains=term)


def _common_term(database: str, exact: Q) -> bool:
    """Whether at least a page of active salons match `exact` (one indexed query that stops there)."""
    # Unordered, so that the scan stops at the page's worth of matches.
    matches = Salon.objects.using(database).filter(exact, is_active=True).order_by().values_list("id", flat=True)
    return len(matches[:COMMON_TERM_SALONS]) >= COMMON_TERM_SALONS


_FTS_MATCH = "SELECT rowid FROM salons_salon_search WHERE salons_salon_search MATCH %s"

# SQLite's typo tolerance mirrors pg_trgm's: the trigrams of a word padded with two spaces before
# and one after, and a match when the Jaccard similarity of a term's and a word's trigrams reaches
# the threshold PostgreSQL uses (settings.SEARCH_TYPO_THRESHOLD). Candidates are the rows sharing
# one of the term's trigrams (the FTS5 index), at most `_TYPO_CANDIDATES` of them.
TYPO_MIN_LENGTH = 4
_TYPO_CANDIDATES = 2000


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def trigram_similarity(first: str, second: str) -> float:
    first_trigrams, second_trigrams = _trigrams(first), _trigrams(second)
    return len(first_trigrams & second_trigrams) / len(first_trigrams | second_trigrams)


def _sqlite_typo_matches(term: str) -> list[int]:
    if len(term) < TYPO_MIN_LENGTH:
        return []
    inner = sorted({term[index : index + 3] for index in range(len(term) - 2)})
    query = " OR ".join(_fts_phrase(trigram) for trigram in inner)
    candidates = RawSQL(_FTS_MATCH, [query])  # noqa: S611 (a bound parameter)
    rows = Salon.objects.filter(id__in=candidates).values_list("id", "search_text")[:_TYPO_CANDIDATES]
    return [salon_id for salon_id, text in rows if typo_of_a_word(term, text)]


def typo_of_a_word(term: str, text: str) -> bool:
    """Whether `term` is within a typo of one of the words of `text` (both folded), as on SQLite."""
    if len(term) < TYPO_MIN_LENGTH:
        return False
    threshold = settings.SEARCH_TYPO_THRESHOLD
    return any(trigram_similarity(term, word) >= threshold for word in text.split())


def _fts_phrase(text: str) -> str:
    """`text` as an FTS5 string (matched as a substring by the trigram tokenizer): quoted, quotes doubled."""
    return '"{}"'.format(text.replace('"', '""'))


def search_relevance(database: str, terms: list[str], *, graded: bool):
    """Higher for better matches: per term, a name match weighs `_NAME_WEIGHT`, a match elsewhere 1.
    `graded` (after a typo match, on PostgreSQL): by trigram word similarity instead, 1 for an exact
    word and less for a typo, computed only then as it costs a similarity per row and term."""
    score = Value(0.0, output_field=FloatField())
    for term in terms:
        if graded and connections[database].vendor == "postgresql":
            score = (
                score
                + _NAME_WEIGHT * TrigramWordSimilarity(Value(term), F("search_names"))
                + TrigramWordSimilarity(Value(term), F("search_text"))
            )
        else:
            score = (
                score
                + Case(When(search_names__contains=term, then=Value(_NAME_WEIGHT)), default=Value(0.0))
                + Case(When(search_text__contains=term, then=Value(1.0)), default=Value(0.0))
            )
    return score
