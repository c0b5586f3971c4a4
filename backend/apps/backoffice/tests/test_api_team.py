"""`/api/manage/salons/{id}/staff/`: adding stylists by phone number and changing their profiles."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import url
from apps.bookings.models import Booking
from apps.bookings.tests.conftest import client_for, make_user
from apps.notifications.models import Notification
from apps.salons.models import StaffMember
from apps.salons.tests.factories import make_service, make_staff

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def empty_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def test_the_team_is_listed_active_or_not(manager_client, salon, stylist, service):
    retired = make_staff(salon, display_name="Former", is_active=False, display_order=1)

    response = manager_client.get(url(salon, "staff/"))

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": stylist.pk,
            "display_name": stylist.display_name,
            "display_name_en": "",
            "title_ar": "",
            "title_en": "",
            "bio_ar": "",
            "bio_en": "",
            "photo_url": None,
            "is_active": True,
            "display_order": 0,
            "service_ids": [service.pk],
            "phone_number": stylist.user.phone_number,
            "user_id": stylist.user_id,
        },
        {
            "id": retired.pk,
            "display_name": "Former",
            "display_name_en": "",
            "title_ar": "",
            "title_en": "",
            "bio_ar": "",
            "bio_en": "",
            "photo_url": None,
            "is_active": False,
            "display_order": 1,
            "service_ids": [],
            "phone_number": None,
            "user_id": None,
        },
    ]


def test_a_new_number_gets_an_account_and_the_stylist_is_told_by_sms(manager_client, manager, salon, service):
    response = manager_client.post(
        url(salon, "staff/"),
        {"phone_number": "٠٥٠١٢٣٤٥٦٧", "display_name": "Reem", "service_ids": [service.pk]},
        format="json",
    )

    assert response.status_code == 201
    user = User.objects.get(phone_number="+966501234567")
    staff = StaffMember.objects.get(user=user)
    assert (staff.salon, staff.display_name, list(staff.services.all())) == (salon, "Reem", [service])
    assert (user.first_name, user.role) == ("Reem", "staff")
    assert response.json()["phone_number"] == "+966501234567"
    message = Notification.objects.get(recipient=user)
    assert (message.event, message.booking, message.template, message.language) == (
        "staff_added",
        None,
        "staff_added",
        "ar",
    )
    assert message.body == f"أضافك {salon.name_ar} إلى فريقه. سجّل الدخول بهذا الرقم لترى مواعيدك."
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.action, entry.changes["phone_number"]) == (
        manager,
        "staff",
        "created",
        [None, "+966501234567"],
    )


def test_an_existing_customer_is_linked_and_keeps_their_own_bookings(manager_client, salon, customer, book):
    own_booking = book("10:00")
    customer.preferred_language = "en"
    customer.save()

    response = manager_client.post(
        url(salon, "staff/"), {"phone_number": customer.phone_number, "display_name": "Noura S."}, format="json"
    )

    assert response.status_code == 201
    customer.refresh_from_db()
    assert (customer.staff_profile.pk, customer.role, customer.first_name) == (response.json()["id"], "staff", "Noura")
    assert Booking.objects.get(pk=own_booking.pk).customer == customer
    assert Notification.objects.get(recipient=customer, event="staff_added").body == (
        f"{salon.name_en} has added you to its team. Sign in with this number to see your bookings."
    )


def test_a_stylist_of_this_salon_or_of_another_one_cannot_be_added_again(manager_client, salon, stylist, other_salon):
    elsewhere = make_staff(other_salon, user=make_user(role="staff"))

    again = manager_client.post(
        url(salon, "staff/"), {"phone_number": stylist.user.phone_number, "display_name": "X"}, format="json"
    )
    taken = manager_client.post(
        url(salon, "staff/"), {"phone_number": elsewhere.user.phone_number, "display_name": "X"}, format="json"
    )

    assert (again.status_code, again.json()["code"]) == (409, "already_on_team")
    assert (taken.status_code, taken.json()["code"]) == (409, "stylist_of_another_salon")
    assert StaffMember.objects.filter(display_name="X").count() == 0
    assert (Notification.objects.count(), AuditEntry.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    "body, field, code",
    [
        ({"phone_number": "12345", "display_name": "Reem"}, "phone_number", "invalid_phone"),
        ({"phone_number": "0112345678", "display_name": "Reem"}, "phone_number", "not_mobile"),
        ({"phone_number": "0501234567", "display_name": ""}, "display_name", "invalid"),
    ],
)
def test_bad_input_adds_nobody(manager_client, salon, body, field, code):
    response = manager_client.post(url(salon, "staff/"), body, format="json")

    assert (response.status_code, response.json()["code"], list(response.json()["errors"])) == (400, code, [field])
    assert (User.objects.filter(phone_number="+966501234567").exists(), StaffMember.objects.count()) == (False, 0)


def test_services_of_another_salon_are_refused(manager_client, salon, other_salon):
    foreign = make_service(other_salon)

    response = manager_client.post(
        url(salon, "staff/"),
        {"phone_number": "0501234567", "display_name": "Reem", "service_ids": [foreign.pk]},
        format="json",
    )

    assert (response.status_code, response.json()["code"]) == (400, "unknown_services")
    assert (User.objects.filter(phone_number="+966501234567").exists(), Notification.objects.count()) == (False, 0)


def test_a_stylists_profile_and_services_change_and_are_audited(manager_client, salon, stylist, service, api_client):
    other_service = make_service(salon)
    old_name = stylist.display_name

    response = manager_client.patch(
        url(salon, f"staff/{stylist.pk}/"),
        {
            "display_name": "Hessa A.",
            "title_en": "Senior stylist",
            "bio_ar": "خبرة عشر سنوات",
            "service_ids": [other_service.pk],
        },
        format="json",
    )

    assert response.status_code == 200
    stylist.refresh_from_db()
    assert (stylist.display_name, stylist.title_en, stylist.bio_ar) == ("Hessa A.", "Senior stylist", "خبرة عشر سنوات")
    assert list(stylist.services.all()) == [other_service]
    assert AuditEntry.objects.get().changes == {
        "bio_ar": ["", "خبرة عشر سنوات"],
        "display_name": [old_name, "Hessa A."],
        "service_ids": [[service.pk], [other_service.pk]],
        "title_en": ["", "Senior stylist"],
    }
    public = api_client.get(f"/api/salons/{salon.pk}/staff/").json()
    assert [(row["display_name"], row["service_ids"]) for row in public] == [("Hessa A.", [other_service.pk])]


def test_a_photo_is_uploaded_cleaned_with_multipart(manager_client, salon, stylist):
    picture = Image.new("RGB", (2400, 1600), (10, 20, 30))
    buffer = BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    picture.save(buffer, format="JPEG", exif=exif.tobytes())
    photo = SimpleUploadedFile("me.jpg", buffer.getvalue(), content_type="image/jpeg")

    response = manager_client.patch(url(salon, f"staff/{stylist.pk}/"), {"photo": photo}, format="multipart")

    assert response.status_code == 200
    stylist.refresh_from_db()
    assert response.json()["photo_url"] == f"http://testserver/media/{stylist.photo.name}"
    with stylist.photo.open() as stored:
        cleaned = Image.open(stored)
        assert (cleaned.size, dict(cleaned.getexif())) == ((1200, 800), {})
    assert AuditEntry.objects.get().changes["photo"] == ["", stylist.photo.name]


def test_a_file_that_is_not_an_image_changes_nothing(manager_client, salon, stylist):
    old_name = stylist.display_name

    response = manager_client.patch(
        url(salon, f"staff/{stylist.pk}/"),
        {"photo": SimpleUploadedFile("me.jpg", b"hello"), "display_name": "Changed"},
        format="multipart",
    )

    assert (response.status_code, response.json()["code"], list(response.json()["errors"])) == (
        400,
        "invalid_image",
        ["photo"],
    )
    stylist.refresh_from_db()
    assert (stylist.display_name, stylist.photo.name, AuditEntry.objects.count()) == (old_name, "", 0)


def test_a_stylist_of_another_salon_is_404(manager_client, salon, other_salon):
    foreign = make_staff(other_salon)

    for response in (
        manager_client.get(url(salon, f"staff/{foreign.pk}/")),
        manager_client.patch(url(salon, f"staff/{foreign.pk}/"), {"display_name": "Mine"}, format="json"),
        manager_client.delete(url(salon, f"staff/{foreign.pk}/")),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "staff_not_found")
    foreign.refresh_from_db()
    assert (foreign.display_name, foreign.is_active) != ("Mine", False)
    response = manager_client.get(url(other_salon, "staff/"))
    assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_customers_and_stylists_are_refused(request, who, salon, stylist):
    old_name = stylist.display_name
    client = client_for(request.getfixturevalue(who))

    for response in (
        client.get(url(salon, "staff/")),
        client.post(url(salon, "staff/"), {"phone_number": "0501234567", "display_name": "X"}, format="json"),
        client.patch(url(salon, f"staff/{stylist.pk}/"), {"display_name": "X"}, format="json"),
        client.delete(url(salon, f"staff/{stylist.pk}/")),
    ):
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")
    stylist.refresh_from_db()
    assert (stylist.display_name, stylist.is_active, StaffMember.objects.count()) == (old_name, True, 1)


def test_a_stylist_is_added_and_renamed_in_both_languages(manager_client, salon):
    response = manager_client.post(
        url(salon, "staff/"),
        {"phone_number": "0501234567", "display_name": "ريم", "display_name_en": "Reem"},
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["display_name"], response.json()["display_name_en"]) == ("ريم", "Reem")
    staff = StaffMember.objects.get(pk=response.json()["id"])

    renamed = manager_client.patch(url(salon, f"staff/{staff.pk}/"), {"display_name_en": "Rim"}, format="json")

    assert renamed.status_code == 200
    staff.refresh_from_db()
    assert (staff.display_name, staff.display_name_en) == ("ريم", "Rim")
    assert AuditEntry.objects.filter(action="updated").get().changes == {"display_name_en": ["Reem", "Rim"]}
    too_long = manager_client.patch(url(salon, f"staff/{staff.pk}/"), {"display_name_en": "x" * 81}, format="json")
    assert (too_long.status_code, list(too_long.json()["errors"])) == (400, ["display_name_en"])
