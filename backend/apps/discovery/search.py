"""The query side of the salon search: the condition and the relevance of a list of folded search
terms, for the database in use. The stored side (what is folded and how) is
`apps.salons.search_index`; the indexes are `apps.salons.search_backend`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Case, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from apps.salons.models import Salon, Service
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
# How much a match within a typo counts against the same match as spelt.
_TYPO_WEIGHT = 0.8


@dataclass(frozen=True)
class Typos:
    """What a misspelt term stands for: service words within a typo of it, closest first, and the
    salons whose names are within a typo of it."""

    words: list[str]
    salon_ids: list[int]


def search_backend_filter(salons: QuerySet[Salon], terms: list[str]) -> tuple[QuerySet[Salon], dict[str, Typos]]:
    """`salons` whose `search_text` matches every term, as a substring or within a typo; and, for each
    term matched within a typo on PostgreSQL, the spellings it stood for.

    A term found as a substring in at least a page of active salons is a word people spell that way:
    it is matched as a substring only. A rarer term also matches within a typo: on PostgreSQL a salon
    name within a typo of it (the names' trigram index), or the words of service names within a typo
    of it (the services' trigram index finds them, a handful of words) as substrings, so that no
    request computes a similarity for every salon; on SQLite by the FTS5 candidates (see below).
    """
    connection = connections[salons.db]
    postgresql = connection.vendor == "postgresql"
    fts = not postgresql and fts_available(connection)
    fuzzy_terms = [
        term
        for term in terms
        if len(term) >= TYPO_MIN_LENGTH
        and (postgresql or fts)
        and not _common_term(salons.db, _exact_match(term, fts=fts))
    ]
    typos = (
        {
            term: Typos(_service_word_corrections(salons.db, term), _salon_name_typos(salons.db, term))
            for term in fuzzy_terms
        }
        if postgresql
        else {}
    )
    for term in terms:
        exact = _exact_match(term, fts=fts)
        if term not in fuzzy_terms:
            salons = salons.filter(exact)
        elif postgresql:
            condition = exact | Q(id__in=typos[term].salon_ids)
            for word in typos[term].words:
                condition |= Q(search_text__contains=word)
            salons = salons.filter(condition)
        else:
            salons = salons.filter(exact | Q(id__in=_sqlite_typo_matches(term)))
    return salons, typos


# At most this many spellings stand for a misspelt word.
_CORRECTIONS = 8


def _service_word_corrections(database: str, term: str) -> list[str]:
    """The words of active services' names within a typo of `term`, closest first: compared in
    Python with the vocabulary of those words (`_service_vocabulary`)."""
    threshold = settings.SEARCH_TYPO_THRESHOLD
    close = [
        (similarity, word)
        for word in _service_vocabulary(database)
        if word != term and (similarity := trigram_similarity(term, word)) >= threshold
    ]
    return [word for _similarity, word in sorted(close, key=lambda pair: (-pair[0], pair[1]))[:_CORRECTIONS]]


def _service_vocabulary(database: str) -> frozenset[str]:
    """The distinct words of active services' names (a few thousand at most: salons share service
    names), kept in the shared cache for `SEARCH_VOCABULARY_SECONDS`: one scan of the services now and
    then instead of a similarity per service or salon in every misspelt search. A service named since
    is found as spelt at once, and within a typo once the vocabulary is read again."""
    key = f"search:service-vocabulary:{database}"
    words = cache.get(key)
    if words is None:
        names = Service.objects.using(database).filter(is_active=True).order_by().values_list("search_name", flat=True)
        words = frozenset(word for name in names.distinct() for word in name.split() if len(word) >= TYPO_MIN_LENGTH)
        cache.set(key, words, settings.SEARCH_VOCABULARY_SECONDS)
    return words


# At most this many salons' names are taken within a typo of a word.
_NAME_TYPOS = 200


def _salon_name_typos(database: str, term: str) -> list[int]:
    """The active salons whose names are within a typo of `term` (the names' trigram index), at most
    `_NAME_TYPOS`: a separate query, so that the list's own query compares no name per row."""
    salons = Salon.objects.using(database).filter(is_active=True, search_names__trigram_word_similar=term)
    return list(salons.order_by().values_list("id", flat=True)[:_NAME_TYPOS])


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


def search_relevance(terms: list[str], typos: dict[str, Typos]):
    """Higher for better matches, summed over the terms: a match in the salon's names weighs
    `_NAME_WEIGHT`, a match elsewhere (a service, the district) 1; a match within a typo (`typos`)
    counts a little less than the same match as spelt."""
    score = Value(0.0, output_field=FloatField())
    for term in terms:
        in_names = [When(search_names__contains=term, then=Value(_NAME_WEIGHT))]
        elsewhere = [When(search_text__contains=term, then=Value(1.0))]
        if term in typos:
            in_names.append(When(id__in=typos[term].salon_ids, then=Value(_NAME_WEIGHT * _TYPO_WEIGHT)))
            in_names += [
                When(search_names__contains=word, then=Value(_NAME_WEIGHT * _TYPO_WEIGHT)) for word in typos[term].words
            ]
            elsewhere += [When(search_text__contains=word, then=Value(_TYPO_WEIGHT)) for word in typos[term].words]
        score = score + Case(*in_names, default=Value(0.0)) + Case(*elsewhere, default=Value(0.0))
    return score
