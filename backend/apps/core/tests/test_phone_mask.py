import pytest

from apps.core.phone_mask import is_masked, mask_phone_number


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("+966512345123", "+9665•••••123"),
        ("+966500000001", "+9665•••••001"),
        ("+966112106677", "+9661•••••677"),  # a Riyadh landline
        ("+971501234567", "+97•••••••567"),
        ("+4412", "•••••"),
        ("", ""),
    ],
)
def test_the_middle_is_hidden_the_country_code_and_the_last_three_digits_stay(phone, masked):
    assert mask_phone_number(phone) == masked
    assert len(mask_phone_number(phone)) == len(phone)


def test_a_masked_number_is_recognised():
    assert is_masked(mask_phone_number("+966512345123"))
    assert not is_masked("+966512345123")
    assert not is_masked(None)
