import pytest
from django.urls import reverse

from apps.salons.models import StaffMember
from apps.salons.tests.factories import make_category, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db


def get_services(api_client, salon_id, language="ar", **params):
    return api_client.get(reverse("salons:salon-services", args=[salon_id]), params, HTTP_ACCEPT_LANGUAGE=language)


def get_staff(api_client, salon_id, language="ar", **params):
    return api_client.get(reverse("salons:salon-staff", args=[salon_id]), params, HTTP_ACCEPT_LANGUAGE=language)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()]


@pytest.fixture
def salon_catalog():
    """A salon with two categories, an inactive service, an inactive stylist, and another salon's service."""
    salon = make_salon()
    nails = make_category(slug="nails", display_order=2)
    hair = make_category(slug="hair", display_order=1)
    manicure = make_service(salon, category=nails, name_en="Manicure", price_amount=11500)
    colour = make_service(salon, category=hair, display_order=2)
    cut = make_service(salon, category=hair, display_order=1)
    retired = make_service(salon, category=hair, is_active=False)
    make_service(make_salon(), category=hair)
    mona = make_staff(salon, services=[cut, colour, retired], display_order=2)
    sara = make_staff(salon, services=[manicure, cut], display_order=1)
    make_staff(salon, services=[cut], is_active=False)
    return {
        "salon": salon,
        "hair": hair,
        "cut": cut,
        "colour": colour,
        "manicure": manicure,
        "retired": retired,
        "mona": mona,
        "sara": sara,
    }


# --- Services -----------------------------------------------------------------------------------


def test_services_lists_active_services_in_category_and_display_order(api_client, salon_catalog):
    # Given
    c = salon_catalog

    # When
    response = get_services(api_client, c["salon"].id, language="en")

    # Then
    assert ids(response) == [c["cut"].id, c["colour"].id, c["manicure"].id]
    assert response.json()[2] == {
        "id": c["manicure"].id,
        "name": "Manicure",
        "description": "",
        "duration_minutes": 30,
        "buffer_minutes": 0,
        "price": {"amount": 11500, "currency": "SAR", "vat_amount": 1500},
        "staff_ids": [c["sara"].id],
    }
    assert response.json()[0]["staff_ids"] == [c["sara"].id, c["mona"].id]


def test_services_filter_by_category_slug_or_id(api_client, salon_catalog):
    # Given
    c = salon_catalog
    hair_services = [c["cut"].id, c["colour"].id]

    # When / Then
    assert ids(get_services(api_client, c["salon"].id, category="hair")) == hair_services
    assert ids(get_services(api_client, c["salon"].id, category=str(c["hair"].id))) == hair_services
    assert ids(get_services(api_client, c["salon"].id, category="unknown")) == []
    assert ids(get_services(api_client, c["salon"].id, category=str(10**20))) == []


def test_services_answer_in_arabic_by_default(api_client):
    # Given
    salon = make_salon()
    make_service(salon, name_ar="قص الشعر", name_en="Haircut", description_ar="مع الغسيل", description_en="")

    # When
    (service,) = get_services(api_client, salon.id).json()

    # Then
    assert (service["name"], service["description"]) == ("قص الشعر", "مع الغسيل")


def test_services_query_count_does_not_grow(api_client, django_assert_num_queries):
    # Given
    small, large = make_salon(), make_salon()
    make_staff(small, services=[make_service(small)])
    for _ in range(10):
        make_staff(large, services=[make_service(large), make_service(large)])

    # When / Then
    with django_assert_num_queries(3):
        assert len(ids(get_services(api_client, small.id))) == 1
    with django_assert_num_queries(3):
        assert len(ids(get_services(api_client, large.id))) == 20


# --- Staff --------------------------------------------------------------------------------------------


def test_staff_lists_active_staff_with_their_active_services(api_client, salon_catalog):
    # Given
    c = salon_catalog
    c["sara"].title_ar = "مصففة"
    c["sara"].save()

    # When
    response = get_staff(api_client, c["salon"].id)

    # Then
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": c["sara"].id,
            "display_name": c["sara"].display_name,
            "title": "مصففة",
            "photo_url": None,
            "service_ids": [c["cut"].id, c["manicure"].id],
        },
        {
            "id": c["mona"].id,
            "display_name": c["mona"].display_name,
            "title": "",
            "photo_url": None,
            "service_ids": [c["cut"].id, c["colour"].id],
        },
    ]


def test_staff_filter_by_service(api_client, salon_catalog):
    # Given
    c = salon_catalog
    salon_id = c["salon"].id

    # When / Then
    assert ids(get_staff(api_client, salon_id, service=c["cut"].id)) == [c["sara"].id, c["mona"].id]
    assert ids(get_staff(api_client, salon_id, service=c["colour"].id)) == [c["mona"].id]
    assert ids(get_staff(api_client, salon_id, service=c["retired"].id)) == []
    assert ids(get_staff(api_client, salon_id, service=999999)) == []


@pytest.mark.parametrize(
    ("value", "code"), [("abc", "invalid"), ("1.5", "invalid"), ("0", "min_value"), (str(10**20), "max_value")]
)
def test_invalid_service_filter_is_a_field_error(api_client, value, code):
    # Given
    salon = make_salon()

    # When
    response = get_staff(api_client, salon.id, service=value)

    # Then
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["errors"])) == (code, ["service"])


def test_staff_query_count_does_not_grow(api_client, django_assert_num_queries):
    # Given
    small, large = make_salon(), make_salon()
    make_staff(small, services=[make_service(small)])
    for _ in range(10):
        make_staff(large, services=[make_service(large), make_service(large)])

    # When / Then
    with django_assert_num_queries(3):
        assert len(ids(get_staff(api_client, small.id))) == 1
    with django_assert_num_queries(3):
        assert len(ids(get_staff(api_client, large.id))) == 10


# --- Unknown salons ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["salons:salon-services", "salons:salon-staff"])
def test_unknown_or_inactive_salon_is_not_found(api_client, url_name):
    # Given
    inactive = make_salon(is_active=False)
    make_staff(inactive, services=[make_service(inactive)])

    # When
    responses = [
        api_client.get(reverse(url_name, args=[salon_id]), HTTP_ACCEPT_LANGUAGE="en")
        for salon_id in (inactive.id, 999999, 10**20)
    ]

    # Then
    assert [(r.status_code, r.json()) for r in responses] == [
        (404, {"detail": "Salon not found.", "code": "salon_not_found"})
    ] * 3


@pytest.mark.django_db
def test_categories_list_those_an_active_salon_offers_in_display_order(api_client):
    salon = make_salon()
    closed = make_salon(is_active=False)
    nails = make_category(slug="nails", name_ar="أظافر", name_en="Nails", display_order=2)
    hair = make_category(slug="hair", name_ar="شعر", name_en="Hair", display_order=1)
    only_inactive = make_category(slug="spa", name_ar="سبا", name_en="Spa", display_order=3)
    only_closed_salon = make_category(slug="henna", name_ar="حناء", name_en="Henna", display_order=4)
    make_service(salon, category=nails)
    make_service(salon, category=hair)
    make_service(salon, category=hair)
    make_service(salon, category=only_inactive, is_active=False)
    make_service(closed, category=only_closed_salon)

    response = api_client.get("/api/salons/categories/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.json() == [
        {"id": hair.pk, "slug": "hair", "name": "Hair"},
        {"id": nails.pk, "slug": "nails", "name": "Nails"},
    ]


def test_staff_names_come_in_the_requests_language_with_the_arabic_one_as_fallback(api_client, salon_catalog):
    c = salon_catalog
    StaffMember.objects.filter(pk=c["sara"].pk).update(display_name="سارة", display_name_en="Sara")
    StaffMember.objects.filter(pk=c["mona"].pk).update(display_name="منى", display_name_en="")

    english = get_staff(api_client, c["salon"].id, language="en").json()
    arabic = get_staff(api_client, c["salon"].id, language="ar").json()

    assert [row["display_name"] for row in english] == ["Sara", "منى"]
    assert [row["display_name"] for row in arabic] == ["سارة", "منى"]
