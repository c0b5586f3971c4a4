"""The operators' read-only lists open with data in them."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

MODELS = ["package", "purchase", "packagepurchase", "giftcard", "redemption"]


@pytest.mark.parametrize("model", MODELS)
def test_each_list_opens(model, buy_package, buy_gift_card):
    buy_package()
    buy_gift_card()
    admin = get_user_model().objects.create_superuser("+966500009999", password="x")
    client = Client()
    client.force_login(admin)

    response = client.get(f"/admin/packages/{model}/")

    assert response.status_code == 200
