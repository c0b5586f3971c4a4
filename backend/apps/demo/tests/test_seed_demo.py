from collections import defaultdict
from datetime import date, datetime, time, timedelta
from io import StringIO

import phonenumbers
import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F
from django.utils import timezone

from apps.accounts.models import Role, User
from apps.demo import data
from apps.demo.catalog import seed_demo_data
from apps.salons.models import (
    Audience,
    Salon,
    SalonPhoto,
    Service,
    ServiceCategory,
    SpecialHours,
    StaffMember,
    TimeOff,
    WorkingHours,
)

pytestmark = pytest.mark.django_db

ADMIN_PASSWORD = "a-demo-admin-password"
SATURDAY_TO_THURSDAY = {5, 6, 0, 1, 2, 3}
FRIDAY = 4
DEMO_PHONES = ("+966500000000", "+966500000001", "+966500000002", "+966500000003")
# (min latitude, max latitude, min longitude, max longitude)
CITY_BOUNDS = {
    "riyadh": (24.4, 25.1, 46.4, 47.1),
    "jeddah": (21.3, 21.9, 39.0, 39.3),
    "dammam": (26.3, 26.6, 49.9, 50.2),
    "khobar": (26.15, 26.35, 50.1, 50.25),
}


@pytest.fixture(autouse=True)
def demo_admin_password(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)


def run_seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Salon,
            SalonPhoto,
            ServiceCategory,
            Service,
            StaffMember,
            WorkingHours,
            SpecialHours,
            TimeOff,
            User,
            Salon.managers.through,
            StaffMember.services.through,
        )
    }


def test_running_twice_gives_the_same_rows():
    # given a first run
    run_seed()
    first = row_counts()

    # when it runs again
    run_seed()

    # then nothing was duplicated
    assert row_counts() == first
    assert first["Salon"] == len(data.SALONS)
    assert first["ServiceCategory"] == 9
    # one account per role, a manager for each salon the first manager does not run, the reviewers
    assert first["User"] == 4 + len(data.DEMO_SALON_MANAGERS) + 8


def test_salons_cover_three_cities_both_audiences_and_both_payment_policies():
    run_seed()

    salons = Salon.objects.all()
    assert salons.count() >= 8
    assert {"riyadh", "jeddah", "dammam"} <= {salon.city for salon in salons}
    assert {Audience.WOMEN, Audience.MEN} <= {salon.audience for salon in salons}
    assert {salon.requires_prepayment for salon in salons} == {True, False}
    assert all(salon.is_active for salon in salons)


def test_every_salon_has_6_to_12_active_services_and_3_to_6_staff():
    run_seed()

    for salon in Salon.objects.annotate(staff_total=Count("staff")):
        active_services = salon.services.filter(is_active=True).count()
        assert 6 <= active_services <= 12, salon.slug
        assert 3 <= salon.staff_total <= 6, salon.slug


def test_every_service_is_offered_by_a_staff_member_of_its_salon():
    run_seed()

    assert Service.objects.filter(staff__isnull=True).exists() is False
    assert StaffMember.objects.filter(services__isnull=True).exists() is False
    offered_elsewhere = StaffMember.services.through.objects.exclude(service__salon=F("staffmember__salon"))
    assert offered_elsewhere.count() == 0


def test_seeded_rows_pass_model_validation():
    run_seed()

    for model in (Salon, ServiceCategory, Service, StaffMember, WorkingHours, SpecialHours, TimeOff):
        for row in model.objects.all():
            row.full_clean()  # raises on a VAT number, coordinate, duration or overlap out of bounds


def test_salons_are_located_in_their_city_with_saudi_phone_numbers():
    run_seed()

    for salon in Salon.objects.all():
        min_lat, max_lat, min_lng, max_lng = CITY_BOUNDS[salon.city]
        assert min_lat < salon.latitude < max_lat, salon.slug
        assert min_lng < salon.longitude < max_lng, salon.slug
        number = phonenumbers.parse(salon.phone_number)
        assert phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "SA"
        assert salon.district_ar and salon.district_en and salon.address_ar and salon.address_en


def test_prices_and_durations_are_realistic():
    run_seed()

    services = Service.objects.all()
    assert all(20 <= service.duration_minutes <= 240 for service in services)
    assert all(service.currency == "SAR" for service in services)
    assert services.filter(buffer_minutes__gt=0).exists()
    men_haircuts = services.filter(name_en="Men's haircut").values_list("price_amount", flat=True)
    assert men_haircuts and all(40_00 <= price <= 80_00 for price in men_haircuts)
    bridal_makeup = services.filter(name_en="Bridal makeup").values_list("price_amount", flat=True)
    assert bridal_makeup and all(1500_00 <= price <= 3500_00 for price in bridal_makeup)


def test_every_salon_has_a_small_cover_photo_and_a_gallery():
    run_seed()

    for salon in Salon.objects.all():
        assert salon.cover_photo, salon.slug
        assert (salon.cover_photo.width, salon.cover_photo.height) == (1200, 675)
        assert salon.cover_photo.size < 60_000
        photos = list(salon.photos.all())
        assert 2 <= len(photos) <= 3
        assert all((photo.image.width, photo.image.height) == (800, 600) for photo in photos)


def test_a_rerun_keeps_photos_and_updates_the_rest():
    # given a seeded salon whose name an admin changed
    run_seed()
    salon = Salon.objects.get(slug=data.DEMO_SALON_SLUG)
    cover_name = salon.cover_photo.name
    Salon.objects.filter(pk=salon.pk).update(name_en="Renamed")

    # when the seed runs again
    run_seed()

    # then the photo stays and the demo text is restored
    salon.refresh_from_db()
    assert salon.cover_photo.name == cover_name
    assert salon.name_en == "Jasmine Touch Salon"


def test_staff_work_split_shifts_saturday_to_thursday_and_friday_evenings_only():
    run_seed()

    for staff in StaffMember.objects.prefetch_related("working_hours"):
        intervals = defaultdict(list)
        for hours in staff.working_hours.all():
            intervals[hours.weekday].append((hours.start_time, hours.end_time))
        assert set(intervals) == SATURDAY_TO_THURSDAY | {FRIDAY}, staff.display_name
        assert all(len(intervals[weekday]) == 2 for weekday in SATURDAY_TO_THURSDAY), staff.display_name
        assert [start >= time(16, 0) for start, _end in intervals[FRIDAY]] == [True], staff.display_name


def test_one_salon_has_a_shift_that_ends_after_midnight():
    run_seed()

    overnight = [
        hours for hours in WorkingHours.objects.select_related("staff__salon") if hours.end_time <= hours.start_time
    ]
    assert overnight
    assert {hours.staff.salon.slug for hours in overnight} == {"al-faris-barbershop"}


def test_time_off_and_special_hours_follow_the_day_the_seed_runs():
    # given a run on one day
    seed_demo_data(today=date(2030, 1, 1), admin_password=ADMIN_PASSWORD)

    # when it runs again two days later
    seed_demo_data(today=date(2030, 1, 3), admin_password=ADMIN_PASSWORD)

    # then the seed's time off and special hours moved instead of piling up
    vacation = TimeOff.objects.get(reason=data.VACATION_REASON)
    appointment = TimeOff.objects.get(reason=data.APPOINTMENT_REASON)
    tz = vacation.staff.salon.tz
    assert vacation.start == datetime(2030, 1, 8, 0, 0, tzinfo=tz)
    assert vacation.end == datetime(2030, 1, 11, 0, 0, tzinfo=tz)
    assert appointment.start == datetime(2030, 1, 4, 11, 0, tzinfo=tz)
    assert appointment.end - appointment.start == timedelta(hours=2)
    special_dates = set(SpecialHours.objects.values_list("date", flat=True))
    assert special_dates == {date(2030, 1, 13)}
    assert SpecialHours.objects.count() == StaffMember.objects.filter(salon__slug=data.DEMO_SALON_SLUG).count()


def test_a_rerun_leaves_time_off_it_did_not_create():
    # given a staff member's own time off next to the seed's
    run_seed()
    staff = StaffMember.objects.get(display_name="نورة")
    start = timezone.now() + timedelta(days=3)
    TimeOff.objects.create(staff=staff, start=start, end=start + timedelta(hours=1), reason="Dentist")

    # when the seed runs again
    run_seed()

    # then that row is still there
    assert TimeOff.objects.filter(reason="Dentist").count() == 1
    assert TimeOff.objects.count() == 3


def test_demo_accounts_exist_with_roles_and_links():
    run_seed()

    admin, customer, stylist, manager = (User.objects.get(phone_number=phone) for phone in DEMO_PHONES)
    salon = Salon.objects.get(slug=data.DEMO_SALON_SLUG)
    assert (admin.is_superuser, admin.is_staff, admin.check_password(ADMIN_PASSWORD)) == (True, True, True)
    assert (customer.role, customer.first_name, customer.has_usable_password()) == (Role.CUSTOMER, "سارة", False)
    assert stylist.role == Role.STAFF
    assert stylist.staff_profile.salon == salon
    assert manager.role == Role.MANAGER
    assert list(salon.managers.all()) == [manager]
    assert all(user.is_phone_verified for user in (admin, customer, stylist, manager))
    assert not any(user.is_staff for user in (customer, stylist, manager))


def test_the_output_lists_every_demo_account_without_the_admin_password():
    output = run_seed()

    assert "9 salons in 4 cities" in output
    for phone in DEMO_PHONES:
        assert phone in output
    assert "server console" in output
    assert ADMIN_PASSWORD not in output
    assert "DEMO_ADMIN_PASSWORD" in output


def test_the_default_admin_password_is_used_only_with_debug(monkeypatch, settings):
    # given no DEMO_ADMIN_PASSWORD
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD")

    # when DEBUG is off, the command refuses and writes nothing
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEMO_ADMIN_PASSWORD"):
        run_seed()
    assert Salon.objects.count() == 0
    assert User.objects.count() == 0

    # when DEBUG is on, the default password is set and printed
    settings.DEBUG = True
    output = run_seed()
    assert User.objects.get(phone_number="+966500000000").check_password("admin12345")
    assert '"admin12345"' in output


def test_every_salon_has_a_manager_and_one_manager_runs_two_salons():
    run_seed()

    assert not Salon.objects.filter(managers=None).exists()
    two_salon_manager = User.objects.get(phone_number=data.DEMO_MANAGER["phone_number"])
    assert set(two_salon_manager.managed_salons.values_list("slug", flat=True)) == {
        data.DEMO_SALON_SLUG,
        data.DEMO_MANAGER_SECOND_SALON_SLUG,
    }
    assert all(user.role == Role.MANAGER for salon in Salon.objects.all() for user in salon.managers.all())


def test_every_demo_stylist_has_an_english_name():
    run_seed()

    names = list(StaffMember.objects.values_list("display_name", "display_name_en"))

    assert len(names) > 30
    assert [arabic for arabic, english in names if not english or not english.isascii()] == []
