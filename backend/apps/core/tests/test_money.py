from django.utils import translation

from apps.core.money import format_sar, major_units, vat_included


def test_vat_is_the_fifteen_percent_inside_a_vat_inclusive_price():
    assert vat_included(11500) == 1500
    assert vat_included(0) == 0
    assert vat_included(100) == 13  # 13.04 halalas


def test_vat_rounds_to_the_nearest_halala():
    # amount × 15 / 115 never lands exactly on a half, so check both sides of a boundary.
    assert vat_included(4) == 1  # 0.52 → 1
    assert vat_included(3) == 0  # 0.39 → 0


def test_amounts_are_written_with_two_decimals():
    assert major_units(15000) == "150.00"
    assert major_units(5) == "0.05"
    assert (major_units(-1550), major_units(-5), major_units(0)) == ("-15.50", "-0.05", "0.00")
    with translation.override("en"):
        assert format_sar(10050) == "100.50 SAR"
    with translation.override("ar"):
        assert format_sar(10050) == "100.50 ر.س"
