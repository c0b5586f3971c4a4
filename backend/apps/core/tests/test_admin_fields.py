"""Amounts typed in SAR in the admin and stored in halalas; labelled inline inputs."""

import pytest
from django import forms
from django.utils import translation

from apps.core.admin_fields import SarAmountField, SarAmountInput, sar_display


class PriceForm(forms.Form):
    price = SarAmountField(max_halalas=100_000_00)


def cleaned(value: str):
    form = PriceForm({"price": value})
    return form.cleaned_data["price"] if form.is_valid() else form.errors["price"]


@pytest.mark.parametrize(
    ("typed", "halalas"),
    [
        ("60", 6000),
        ("60.00", 6000),
        ("60.5", 6050),
        ("0.05", 5),
        (" 1,250.75 ", 125075),
        ("٦٠٫٥٠", 6050),  # Arabic-Indic digits and decimal separator
        ("60.00 SAR", 6000),
        ("60 ر.س", 6000),
        ("0", 0),
    ],
)
def test_an_amount_in_sar_is_stored_in_halalas(typed, halalas):
    assert cleaned(typed) == halalas


@pytest.mark.parametrize(
    ("typed", "english", "arabic"),
    [
        ("sixty", "Enter an amount in SAR, e.g. 60 or 60.50.", "أدخل مبلغًا بالريال، مثل 60 أو 60.50."),
        ("60.005", "Give at most two decimals (halalas).", "اكتب منزلتين عشريتين على الأكثر (الهللات)."),
        ("-1", "The amount must be at least 0.00 SAR.", "يجب ألا يقل المبلغ عن 0.00 ر.س."),
        ("100000.01", "The amount must be at most 100000.00 SAR.", "يجب ألا يزيد المبلغ عن 100000.00 ر.س."),
        ("NaN", "Enter an amount in SAR, e.g. 60 or 60.50.", "أدخل مبلغًا بالريال، مثل 60 أو 60.50."),
    ],
)
def test_a_wrong_amount_is_refused_with_a_translated_message(typed, english, arabic):
    with translation.override("en"):
        assert cleaned(typed) == [english]
    with translation.override("ar"):
        assert cleaned(typed) == [arabic]


def test_an_amount_in_halalas_is_shown_in_sar_with_two_decimals():
    html = SarAmountInput().render("price", 6000)

    assert 'value="60.00"' in html
    assert 'inputmode="decimal"' in html
    assert 'dir="ltr"' in html


def test_the_same_amount_typed_differently_is_no_change():
    field = SarAmountField()

    assert field.has_changed(6000, "60.00") is False
    assert field.has_changed(6000, "60.01") is True


def test_a_read_only_amount_in_halalas_is_shown_in_sar():
    class Row:
        amount = 6050
        missing = None

    with translation.override("en"):
        assert sar_display("amount", "amount")(None, Row()) == "60.50 SAR"
        assert sar_display("missing", "missing")(None, Row()) == "-"
