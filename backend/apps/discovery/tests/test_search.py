import pytest

from apps.discovery.search import fold_text, matches_every_term, search_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("صَالُونُ النَّخِيلِ", "صالون النخيل"),  # harakat, shadda
        ("جـــمـال", "جمال"),  # tatweel
        ("سَيِّدَةٌ", "سيده"),  # tanween and ta marbuta
        ("أإآٱا", "ااااا"),  # every alef
        ("ليلى", "ليلي"),  # alef maqsura
        ("رحمٰن", "رحمن"),  # superscript alef
        ("Glamour STUDIO", "glamour studio"),  # case
    ],
)
def test_fold_text_drops_marks_and_unifies_letter_variants(text, expected):
    # When
    folded_text = fold_text(text)

    # Then
    assert folded_text == expected


def test_search_terms_are_folded_distinct_words_in_order():
    # When
    terms = search_terms("  صالون   الأميرة صالون\tقَصّ SALON Salon ")

    # Then
    assert terms == ["صالون", "الاميره", "قص", "salon"]


def test_search_terms_of_blank_query_are_empty():
    # When / Then
    assert search_terms(" \t ") == []


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["النخيل", "قص"], True),  # one word in each text
        (["glamour"], True),  # case folded
        (["نخيل"], True),  # part of a word
        (["النخيل", "صبغه"], False),  # one word is missing
        (["نخيلقص"], False),  # no match across two texts
    ],
)
def test_matches_every_term_looks_in_every_text(terms, expected):
    # Given
    texts = ["صالون النَّخِيل", "قَصّ الشعر", "GLAMOUR"]

    # When / Then
    assert matches_every_term(terms, texts) is expected
