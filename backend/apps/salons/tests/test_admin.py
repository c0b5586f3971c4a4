import re
from datetime import date, time

import pytest
from django.urls import reverse
from django.utils import translation

from apps.accounts.models import User
from apps.bookings.models import AvailabilityDay, WorkingSpan
from apps.core.money import format_sar
from apps.salons.models import SpecialHours, StaffMember, TimeOff, WorkingHours

from .factories import add_hours, add_special_hours, make_category, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

SATURDAY, FRIDAY, THURSDAY, MONDAY = 5, 4, 3, 0


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser("+966500000099", "admin-password")
    client.force_login(admin)
    return client


@pytest.fixture
def catalog():
    """One salon with a service, a staff member and their hours; a second salon with one service."""
    salon = make_salon(slug="jasmine", name_ar="لمسة الياسمين", name_en="Jasmine Touch", city="riyadh")
    hair = make_category(slug="hair", name_ar="شعر", name_en="Hair")
    blow_dry = make_service(salon, category=hair, name_ar="استشوار", name_en="Blow-dry", price_amount=15050)
    staff = make_staff(salon, services=[blow_dry], display_name="نورة")
    add_hours(staff, SATURDAY, "10:00", "14:00")
    add_special_hours(staff, date(2030, 9, 23), "16:00", "20:00", note="National Day")
    other_salon = make_salon(slug="faris", name_ar="حلاق الفارس", name_en="Al Faris", city="jeddah")
    haircut = make_service(other_salon, category=hair, name_ar="قص شعر", name_en="Haircut")
    return {"salon": salon, "service": blow_dry, "staff": staff, "other_salon": other_salon, "other_service": haircut}


def inline_data(prefix: str, rows: list[dict]) -> dict:
    """Management form and fields of an inline formset made of new rows."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


def staff_post_data(salon, *, services=(), hours=(), special_hours=(), time_off=()) -> dict:
    data = {
        "salon": str(salon.pk),
        "user": "",
        "display_name": "ريم",
        "title_ar": "مصففة شعر",
        "title_en": "Hair stylist",
        "services": [str(service.pk) for service in services],
        "is_active": "on",
        "display_order": "0",
    }
    data.update(
        inline_data(
            "working_hours",
            [{"weekday": str(weekday), "start_time": start, "end_time": end} for weekday, start, end in hours],
        )
    )
    data.update(
        inline_data(
            "special_hours",
            [{"date": day, "start_time": start, "end_time": end, "note": ""} for day, start, end in special_hours],
        )
    )
    data.update(
        inline_data(
            "time_off",
            [
                {"start_0": start_day, "start_1": start_time, "end_0": end_day, "end_1": end_time, "reason": "إجازة"}
                for start_day, start_time, end_day, end_time in time_off
            ],
        )
    )
    return data


def non_form_errors(response, prefix: str) -> list[str]:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            with translation.override("en"):
                return [str(error) for error in inline.formset.non_form_errors()]
    raise AssertionError(f"no inline {prefix}")


# --- Every page answers -------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "filter_query"),
    [
        ("salon", "city__exact=riyadh"),
        ("salonphoto", "salon__id__exact={salon}"),
        ("servicecategory", "q=Hair"),
        ("service", "is_active__exact=1"),
        ("staffmember", "salon__id__exact={salon}"),
        ("workinghours", "weekday__exact=5"),
        ("specialhours", "staff__salon__id__exact={salon}"),
        ("timeoff", "staff__salon__id__exact={salon}"),
    ],
)
def test_changelist_search_filter_and_add_pages_answer(admin_client, catalog, model, filter_query):
    # given the catalog and a superuser
    changelist = reverse(f"admin:salons_{model}_changelist")
    add = reverse(f"admin:salons_{model}_add")
    query = filter_query.format(salon=catalog["salon"].pk)

    # when each page is opened, then it answers 200 (an unknown filter would redirect with ?e=1)
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "نورة"}).status_code == 200
    assert admin_client.get(f"{changelist}?{query}").status_code == 200
    assert admin_client.get(add).status_code == 200


def test_salon_changelist_searches_filters_and_counts_services_and_staff(admin_client, catalog):
    # given two salons, the first with one service and one staff member
    url = reverse("admin:salons_salon_changelist")

    # when searching by English name and filtering by city
    searched = admin_client.get(url, {"q": "Jasmine"})
    filtered = admin_client.get(url, {"city__exact": "jeddah"})

    # then each answer holds only the matching salon, with the annotated counts
    assert [salon.slug for salon in searched.context["cl"].result_list] == ["jasmine"]
    assert [salon.slug for salon in filtered.context["cl"].result_list] == ["faris"]
    (jasmine,) = searched.context["cl"].result_list
    assert (jasmine.service_total, jasmine.staff_total) == (1, 1)


def test_service_changelist_shows_the_price_in_sar(admin_client, catalog):
    # when the service list is opened in English
    response = admin_client.get(reverse("admin:salons_service_changelist"), headers={"accept-language": "en"})

    # then 15050 halalas read as 150.50 SAR
    assert response.status_code == 200
    assert "150.50 SAR" in response.text


def test_format_sar_keeps_two_decimals():
    with translation.override("en"):
        assert format_sar(15000) == "150.00 SAR"
        assert format_sar(5) == "0.05 SAR"


def test_salon_change_page_shows_services_staff_and_photos_inlines(admin_client, catalog):
    # when the salon's page is opened
    response = admin_client.get(reverse("admin:salons_salon_change", args=[catalog["salon"].pk]))

    # then it holds the three inlines, and the staff inline links to the staff member's page
    assert response.status_code == 200
    inlines = {inline.formset.prefix: inline for inline in response.context["inline_admin_formsets"]}
    assert set(inlines) == {"services", "staff", "photos"}
    assert inlines["staff"].opts.show_change_link is True
    assert reverse("admin:salons_staffmember_change", args=[catalog["staff"].pk]) in response.text


def test_staff_change_page_offers_only_the_salons_services(admin_client, catalog):
    # when the staff member's page is opened
    response = admin_client.get(reverse("admin:salons_staffmember_change", args=[catalog["staff"].pk]))

    # then the services to choose from are their salon's only, and the hours inlines are there
    assert response.status_code == 200
    assert list(response.context["adminform"].form.fields["services"].queryset) == [catalog["service"]]
    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["working_hours", "special_hours", "time_off"]


def test_staff_change_page_of_an_unknown_id_does_not_fail(admin_client, catalog):
    response = admin_client.get(reverse("admin:salons_staffmember_change", args=[987654]))

    # the admin redirects to its index with a message
    assert response.status_code == 302


# --- The hours formsets validate the rows submitted together -----------------


def test_overlapping_working_hours_are_refused_and_nothing_is_saved(admin_client, catalog):
    # given two intervals on Saturday that overlap
    data = staff_post_data(catalog["salon"], hours=[(SATURDAY, "10:00", "14:00"), (SATURDAY, "13:00", "18:00")])

    # when the new staff member is posted
    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    # then the form comes back with the error, and nothing was written
    assert response.status_code == 200
    assert non_form_errors(response, "working_hours") == [
        "Saturday: Working intervals on the same day must not overlap."
    ]
    assert StaffMember.objects.filter(display_name="ريم").exists() is False
    assert WorkingHours.objects.count() == 1  # the catalog's own row


def test_hours_overlapping_the_previous_days_shift_after_midnight_are_refused(admin_client, catalog):
    # given Thursday 22:00–02:00 (runs into Friday) and Friday 01:00–05:00
    data = staff_post_data(catalog["salon"], hours=[(THURSDAY, "22:00", "02:00"), (FRIDAY, "01:00", "05:00")])

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    assert non_form_errors(response, "working_hours") == [
        "Friday: the hours overlap the previous day's shift after midnight."
    ]
    assert StaffMember.objects.filter(display_name="ريم").exists() is False


def test_friday_hours_after_thursdays_overnight_shift_ends_are_accepted():
    from apps.salons.hours import weekly_hours_problems

    assert weekly_hours_problems([(3, time(22), time(2)), (4, time(2), time(5))]) == []
    [problem] = weekly_hours_problems([(5, time(20), time(1)), (6, time(0, 30), time(3))])
    assert (problem.code, problem.rows) == ("overlapping_overnight", (0, 1))


def test_overlapping_working_hours_added_to_an_existing_staff_member_are_refused(admin_client, catalog):
    # given a staff member with no hours yet
    staff = make_staff(catalog["salon"], display_name="ريم")
    data = staff_post_data(catalog["salon"], hours=[(MONDAY, "16:00", "22:00"), (MONDAY, "21:00", "23:00")])

    # when both intervals are added at once
    response = admin_client.post(reverse("admin:salons_staffmember_change", args=[staff.pk]), data)

    # then nothing is saved
    assert response.status_code == 200
    assert len(non_form_errors(response, "working_hours")) == 1
    assert staff.working_hours.count() == 0


def test_an_empty_working_interval_is_refused(admin_client, catalog):
    data = staff_post_data(catalog["salon"], hours=[(MONDAY, "10:00", "10:00")])

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    assert "An interval cannot start and end at the same time." in response.text
    assert StaffMember.objects.filter(display_name="ريم").exists() is False


def test_split_shifts_and_an_overnight_interval_are_saved(admin_client, catalog):
    # given split shifts on Saturday, an evening shift ending after midnight on Friday,
    # time off and special hours
    data = staff_post_data(
        catalog["salon"],
        services=[catalog["service"]],
        hours=[(SATURDAY, "10:00", "14:00"), (SATURDAY, "16:00", "22:00"), (FRIDAY, "20:00", "01:00")],
        special_hours=[("2030-09-23", "16:00", "20:00")],
        time_off=[("2030-10-01", "09:00", "2030-10-03", "09:00")],
    )

    # when the staff member is posted
    response = admin_client.post(reverse("admin:salons_staffmember_add"), data)

    # then everything is saved
    assert response.status_code == 302
    staff = StaffMember.objects.get(display_name="ريم")
    assert list(staff.services.all()) == [catalog["service"]]
    assert [(h.weekday, h.start_time, h.end_time) for h in staff.working_hours.order_by("weekday", "start_time")] == [
        (FRIDAY, time(20, 0), time(1, 0)),
        (SATURDAY, time(10, 0), time(14, 0)),
        (SATURDAY, time(16, 0), time(22, 0)),
    ]
    assert [(s.date, s.start_time, s.end_time) for s in staff.special_hours.all()] == [
        (date(2030, 9, 23), time(16, 0), time(20, 0))
    ]
    assert staff.time_off.count() == 1


def test_overlapping_special_hours_on_one_date_are_refused(admin_client, catalog):
    data = staff_post_data(
        catalog["salon"], special_hours=[("2030-09-23", "10:00", "14:00"), ("2030-09-23", "12:00", "16:00")]
    )

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    assert non_form_errors(response, "special_hours") == [
        "2030-09-23: Working intervals on the same day must not overlap."
    ]
    assert SpecialHours.objects.count() == 1  # the catalog's own row


def test_a_day_off_with_hours_on_the_same_date_is_refused(admin_client, catalog):
    data = staff_post_data(catalog["salon"], special_hours=[("2030-09-23", "", ""), ("2030-09-23", "16:00", "20:00")])

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    assert non_form_errors(response, "special_hours") == [
        "2030-09-23: a day off cannot be combined with other hours on the same date."
    ]
    assert StaffMember.objects.filter(display_name="ريم").exists() is False


def test_special_hours_on_different_dates_and_a_day_off_alone_are_saved(admin_client, catalog):
    data = staff_post_data(catalog["salon"], special_hours=[("2030-09-23", "", ""), ("2030-09-24", "16:00", "20:00")])

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data)

    assert response.status_code == 302
    staff = StaffMember.objects.get(display_name="ريم")
    assert [(s.date, s.is_closed) for s in staff.special_hours.all()] == [
        (date(2030, 9, 23), True),
        (date(2030, 9, 24), False),
    ]


def test_time_off_ending_before_it_starts_is_refused(admin_client, catalog):
    data = staff_post_data(catalog["salon"], time_off=[("2030-10-03", "09:00", "2030-10-01", "09:00")])

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    assert "The end must be after the start." in response.text
    assert TimeOff.objects.count() == 0


def test_services_of_another_salon_are_refused(admin_client, catalog):
    # given a new staff member of the first salon offered a service of the second
    data = staff_post_data(catalog["salon"], services=[catalog["service"], catalog["other_service"]])

    response = admin_client.post(reverse("admin:salons_staffmember_add"), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    with translation.override("en"):
        assert list(response.context["adminform"].form.errors["services"]) == [
            "Choose only services of the staff member's salon; not: قص شعر."
        ]
    assert StaffMember.objects.filter(display_name="ريم").exists() is False


# --- Arabic, SAR and labels -----------------------------------------------------


def service_post_data(salon, service, price: str) -> dict:
    return {
        "salon": str(salon.pk),
        "category": str(service.category_id),
        "name_ar": service.name_ar,
        "name_en": service.name_en,
        "description_ar": "",
        "description_en": "",
        "duration_minutes": "45",
        "price_amount": price,
        "buffer_minutes": "0",
        "is_active": "on",
        "display_order": "0",
    }


def test_a_service_price_is_shown_and_typed_in_sar_and_stored_in_halalas(admin_client, catalog):
    service = catalog["service"]
    url = reverse("admin:salons_service_change", args=[service.pk])

    page = admin_client.get(url, headers={"accept-language": "ar"})
    assert 'name="price_amount" value="150.50"' in page.text
    assert "السعر (بالريال، شامل الضريبة)" in page.text

    response = admin_client.post(url, service_post_data(catalog["salon"], service, "٦٠٫٥٠"))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.price_amount == 6050

    refused = admin_client.post(
        url, service_post_data(catalog["salon"], service, "60.123"), headers={"accept-language": "ar"}
    )
    assert refused.status_code == 200
    assert "اكتب منزلتين عشريتين على الأكثر (الهللات)." in refused.text
    service.refresh_from_db()
    assert service.price_amount == 6050


def test_the_salon_page_in_arabic_shows_prices_in_sar_and_labels_every_inline_input(admin_client, catalog):
    response = admin_client.get(
        reverse("admin:salons_salon_change", args=[catalog["salon"].pk]), headers={"accept-language": "ar"}
    )

    assert response.status_code == 200
    assert 'name="services-0-price_amount" value="150.50"' in response.text
    # Each input of a tabular row is named, the column header being no <label> of it.
    assert 'aria-label="السعر (بالريال، شامل الضريبة)"' in response.text
    assert 'aria-label="الاسم (بالإنجليزية)"' in response.text
    assert 'aria-label="حذف"' in response.text
    category = re.search(r'<select name="services-0-category"[^>]*>', response.text)
    assert category is not None
    assert 'aria-label="الفئة"' in category.group(0)  # inside the related-object wrapper too
    # Our stylesheet keeps wide inlines from pushing the page sideways in RTL.
    assert "core/admin.css" in response.text


def test_a_stylists_english_name_is_edited_in_the_admin(admin_client, catalog):
    staff = catalog["staff"]
    data = staff_post_data(catalog["salon"], services=[catalog["service"]])
    data["display_name_en"] = "Reem"

    response = admin_client.post(reverse("admin:salons_staffmember_change", args=[staff.pk]), data)

    assert response.status_code == 302
    staff.refresh_from_db()
    assert (staff.display_name, staff.display_name_en) == ("ريم", "Reem")


def test_an_admin_save_refreshes_the_salons_availability_summary(admin_client, catalog):
    # given a salon whose summary knows no working time
    salon = catalog["salon"]
    StaffMember.objects.filter(salon=salon).update(is_active=False)
    AvailabilityDay.objects.all().delete()

    # when a stylist working every day is added in the admin
    data = staff_post_data(
        salon, services=[catalog["service"]], hours=[(weekday, "10:00", "14:00") for weekday in range(7)]
    )
    response = admin_client.post(reverse("admin:salons_staffmember_add"), data)

    # then, in the same request, the salon's days have free starts and working spans
    assert response.status_code == 302
    assert (
        AvailabilityDay.objects.filter(salon=salon, free_starts__gt=0).count() == salon.booking_horizon_days + 2
    )  # yesterday too
    assert WorkingSpan.objects.filter(salon=salon).exists()
