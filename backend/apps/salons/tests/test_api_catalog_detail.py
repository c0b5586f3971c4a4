from decimal import Decimal

import pytest
from django.urls import reverse

from apps.salons.api.serializers import included_vat
from apps.salons.models import City, SalonPhoto, Weekday
from apps.salons.tests.factories import add_hours, make_category, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db


def get_salon(api_client, salon_id, language="ar"):
    return api_client.get(reverse("salons:salon-detail", args=[salon_id]), HTTP_ACCEPT_LANGUAGE=language)


def closed_week_except(**open_days) -> list[dict]:
    """The expected `opening_hours`, Sunday first, with intervals only on the named days."""
    order = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    return [
        {
            "weekday": Weekday[day.upper()].value,
            "name": day.capitalize(),
            "intervals": [
                {"start": start, "end": end, "overnight": overnight} for start, end, overnight in open_days.get(day, [])
            ],
        }
        for day in order
    ]


def test_detail_has_every_field_in_the_request_language(api_client):
    # Given a salon with photos, two categories of services, staff and hours
    salon = make_salon(
        slug="jasmine-touch",
        name_ar="لمسة الياسمين",
        name_en="Jasmine Touch",
        description_ar="صالون نسائي",
        description_en="A salon for women",
        city=City.JEDDAH,
        district_ar="الروضة",
        district_en="Al Rawdah",
        address_ar="شارع الأمير سلطان",
        address_en="Prince Sultan Street",
        latitude=Decimal("21.543333"),
        longitude=Decimal("39.172778"),
        phone_number="+966126000000",
        vat_number="300000000000003",
        rating_average=Decimal("4.25"),
        rating_count=8,
        cover_photo="salons/covers/jasmine.jpg",
        lead_time_minutes=120,
        booking_horizon_days=30,
        slot_step_minutes=30,
        cancellation_window_hours=12,
        requires_prepayment=True,
        hold_minutes=15,
    )
    SalonPhoto.objects.create(
        salon=salon, image="salons/gallery/2.jpg", caption_ar="الاستقبال", caption_en="Reception", display_order=2
    )
    SalonPhoto.objects.create(
        salon=salon, image="salons/gallery/1.jpg", caption_ar="الواجهة", caption_en="Front", display_order=1
    )
    nails = make_category(slug="nails", name_ar="الأظافر", name_en="Nails", display_order=2)
    hair = make_category(slug="hair", name_ar="الشعر", name_en="Hair", display_order=1)
    manicure = make_service(
        salon, category=nails, name_ar="مناكير", name_en="Manicure", duration_minutes=45, price_amount=8050
    )
    colour = make_service(
        salon,
        category=hair,
        name_ar="صبغة",
        name_en="Colour",
        description_en="Full colour",
        duration_minutes=90,
        buffer_minutes=15,
        price_amount=15000,
        display_order=2,
    )
    cut = make_service(salon, category=hair, name_ar="قص", name_en="Haircut", price_amount=10000, display_order=1)
    retired = make_service(salon, category=hair, is_active=False)
    mona = make_staff(salon, services=[cut, colour], display_name="Mona", title_en="Colourist", display_order=2)
    sara = make_staff(
        salon, services=[cut, manicure, retired], display_name="Sara", photo="staff/sara.jpg", display_order=1
    )
    make_staff(salon, services=[cut], display_name="Gone", is_active=False)
    add_hours(sara, Weekday.SUNDAY, "10:00", "14:00")
    add_hours(mona, Weekday.SUNDAY, "13:00", "18:00")

    # When
    response = get_salon(api_client, salon.id, language="en")

    # Then
    assert response.status_code == 200
    assert response.json() == {
        "id": salon.id,
        "slug": "jasmine-touch",
        "name": "Jasmine Touch",
        "city": "jeddah",
        "city_name": "Jeddah",
        "district": "Al Rawdah",
        "audience": "women",
        "rating": 4.25,
        "review_count": 8,
        "cover_photo_url": "http://testserver/media/salons/covers/jasmine.jpg",
        "cover_photo_srcset": None,
        "price_range": {"min": 8050, "max": 15000, "currency": "SAR"},
        "requires_prepayment": True,
        "is_favourite": False,
        "distance_km": None,
        "description": "A salon for women",
        "address": "Prince Sultan Street",
        "latitude": 21.543333,
        "longitude": 39.172778,
        "phone_number": "+966126000000",
        "timezone": "Asia/Riyadh",
        "vat_number": "300000000000003",
        "photos": [
            {"url": "http://testserver/media/salons/gallery/1.jpg", "srcset": None, "caption": "Front"},
            {"url": "http://testserver/media/salons/gallery/2.jpg", "srcset": None, "caption": "Reception"},
        ],
        "google_maps_url": "https://www.google.com/maps/search/?api=1&query=21.543333,39.172778",
        "categories": [
            {
                "id": hair.id,
                "slug": "hair",
                "name": "Hair",
                "services": [
                    {
                        "id": cut.id,
                        "name": "Haircut",
                        "description": "",
                        "duration_minutes": 30,
                        "buffer_minutes": 0,
                        "price": {"amount": 10000, "currency": "SAR", "vat_amount": 1304},
                        "staff_ids": [sara.id, mona.id],
                    },
                    {
                        "id": colour.id,
                        "name": "Colour",
                        "description": "Full colour",
                        "duration_minutes": 90,
                        "buffer_minutes": 15,
                        "price": {"amount": 15000, "currency": "SAR", "vat_amount": 1957},
                        "staff_ids": [mona.id],
                    },
                ],
            },
            {
                "id": nails.id,
                "slug": "nails",
                "name": "Nails",
                "services": [
                    {
                        "id": manicure.id,
                        "name": "Manicure",
                        "description": "",
                        "duration_minutes": 45,
                        "buffer_minutes": 0,
                        "price": {"amount": 8050, "currency": "SAR", "vat_amount": 1050},
                        "staff_ids": [sara.id],
                    }
                ],
            },
        ],
        "staff": [
            {
                "id": sara.id,
                "display_name": "Sara",
                "title": "",
                "photo_url": "http://testserver/media/staff/sara.jpg",
                "service_ids": [cut.id, manicure.id],
            },
            {
                "id": mona.id,
                "display_name": "Mona",
                "title": "Colourist",
                "photo_url": None,
                "service_ids": [cut.id, colour.id],
            },
        ],
        "opening_hours": closed_week_except(sunday=[("10:00", "18:00", False)]),
        "booking_policy": {
            "lead_time_minutes": 120,
            "booking_horizon_days": 30,
            "slot_step_minutes": 30,
            "cancellation_window_hours": 12,
            "requires_prepayment": True,
            "hold_minutes": 15,
        },
        "no_show_policy": {
            "policy": "none",
            "deposit_percent": None,
            "deposit_amount": None,
            "no_show_fee_percent": 0,
            "text": "",
        },
    }


def test_detail_answers_in_arabic_by_default(api_client):
    # Given
    salon = make_salon(name_ar="لمسة الياسمين", name_en="Jasmine Touch", description_ar="وصف", description_en="About")
    SalonPhoto.objects.create(salon=salon, image="salons/gallery/1.jpg", caption_ar="الواجهة", caption_en="Front")
    service = make_service(
        salon, category=make_category(name_ar="الشعر", name_en="Hair"), name_ar="قص", name_en="Haircut"
    )
    make_staff(salon, services=[service], title_ar="مصففة", title_en="Stylist")

    # When
    body = api_client.get(reverse("salons:salon-detail", args=[salon.id])).json()

    # Then
    assert (body["name"], body["description"], body["photos"][0]["caption"]) == ("لمسة الياسمين", "وصف", "الواجهة")
    assert (body["categories"][0]["name"], body["categories"][0]["services"][0]["name"]) == ("الشعر", "قص")
    assert body["staff"][0]["title"] == "مصففة"
    assert body["opening_hours"][0]["name"] == "الأحد"


def test_english_detail_falls_back_to_arabic_text(api_client):
    # Given a salon, category, service and staff with Arabic text only
    salon = make_salon(name_ar="حلاق الفارس", name_en="", description_ar="حلاق رجالي", address_ar="طريق الملك فهد")
    category = make_category(name_ar="الحلاقة", name_en="")
    make_staff(
        salon, services=[make_service(salon, category=category, name_ar="حلاقة ذقن", name_en="")], title_ar="حلاق"
    )

    # When
    body = get_salon(api_client, salon.id, language="en").json()

    # Then
    assert (body["name"], body["description"], body["address"]) == ("حلاق الفارس", "حلاق رجالي", "طريق الملك فهد")
    assert (body["categories"][0]["name"], body["categories"][0]["services"][0]["name"]) == ("الحلاقة", "حلاقة ذقن")
    assert body["staff"][0]["title"] == "حلاق"


def test_salon_without_coordinates_or_active_services(api_client):
    # Given
    salon = make_salon()
    make_service(salon, is_active=False)

    # When
    body = get_salon(api_client, salon.id).json()

    # Then
    assert (body["latitude"], body["longitude"], body["google_maps_url"]) == (None, None, None)
    assert (body["price_range"], body["categories"], body["staff"]) == (None, [], [])


def test_opening_hours_are_the_union_of_active_staff_hours(api_client):
    # Given split shifts that overlap and touch, overnight shifts, and an inactive stylist's hours
    salon = make_salon()
    first = make_staff(salon)
    second = make_staff(salon)
    add_hours(first, Weekday.SUNDAY, "10:00", "14:00")
    add_hours(first, Weekday.SUNDAY, "17:00", "22:00")
    add_hours(second, Weekday.SUNDAY, "13:00", "15:00")  # overlaps the morning shift
    add_hours(second, Weekday.SUNDAY, "22:00", "23:30")  # touches the evening shift
    add_hours(first, Weekday.THURSDAY, "20:00", "02:00")  # ends after midnight
    add_hours(second, Weekday.THURSDAY, "18:00", "21:00")
    add_hours(first, Weekday.FRIDAY, "16:00", "00:00")  # ends at midnight
    add_hours(make_staff(salon, is_active=False), Weekday.MONDAY, "09:00", "17:00")

    # When
    body = get_salon(api_client, salon.id, language="en").json()

    # Then
    assert body["opening_hours"] == closed_week_except(
        sunday=[("10:00", "15:00", False), ("17:00", "23:30", False)],
        thursday=[("18:00", "02:00", True)],
        friday=[("16:00", "00:00", True)],
    )


@pytest.mark.parametrize(
    ("amount", "vat"),
    [(0, 0), (1, 0), (4, 1), (100, 13), (8050, 1050), (10000, 1304), (11500, 1500), (15000, 1957)],
)
def test_included_vat_is_15_percent_of_the_net_rounded_half_up(amount, vat):
    # When / Then
    assert included_vat(amount) == vat


def test_detail_query_count_does_not_grow_with_services_and_staff(api_client, django_assert_num_queries):
    # Given a small salon and a large one
    def build_salon(size):
        salon = make_salon()
        SalonPhoto.objects.create(salon=salon, image="salons/gallery/1.jpg")
        for _ in range(size):
            services = [make_service(salon), make_service(salon)]
            staff = make_staff(salon, services=services)
            add_hours(staff, Weekday.SUNDAY, "10:00", "14:00")
            add_hours(staff, Weekday.MONDAY, "16:00", "22:00")
        return salon

    small, large = build_salon(1), build_salon(12)

    # When / Then
    with django_assert_num_queries(7):
        assert len(get_salon(api_client, small.id).json()["staff"]) == 1
    with django_assert_num_queries(7):
        assert len(get_salon(api_client, large.id).json()["staff"]) == 12


def test_inactive_salon_is_not_found(api_client):
    # Given
    salon = make_salon(is_active=False)

    # When
    response = get_salon(api_client, salon.id, language="en")

    # Then
    assert response.status_code == 404
    assert response.json() == {"detail": "Salon not found.", "code": "salon_not_found"}


@pytest.mark.parametrize("salon_id", [999999, 10**20])
def test_unknown_salon_is_not_found(api_client, salon_id):
    # When
    response = get_salon(api_client, salon_id, language="en")

    # Then
    assert response.status_code == 404
    assert response.json()["code"] == "salon_not_found"


def test_non_numeric_salon_id_is_not_routed(api_client):
    # When
    response = api_client.get("/api/salons/jasmine-touch/")

    # Then
    assert response.status_code == 404
