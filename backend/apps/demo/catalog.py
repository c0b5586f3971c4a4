"""Write the demo catalog and accounts of `data.py` into the database, idempotently.

Rows are matched on natural keys (salon slug, category slug, service (salon, name_en),
staff (salon, display_name), user phone number) and updated in place. Weekly hours are
replaced per staff member; the seed's own time off and special hours, recognised by
their fixed texts, are replaced and moved relative to the day the seed runs.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from apps.accounts.models import Role, User
from apps.salons.models import (
    Salon,
    SalonPhoto,
    Service,
    ServiceCategory,
    SpecialHours,
    StaffMember,
    TimeOff,
    WorkingHours,
)

from . import data
from .images import COVER_SIZE, GALLERY_SIZE, gradient_jpeg

GALLERY_PHOTO_COUNT = 3


@dataclass(frozen=True)
class DemoAccount:
    role: str  # "admin" or a `Role` value
    user: User
    salon: Salon | None
    also_manages: tuple[Salon, ...] = ()


@dataclass(frozen=True)
class SeedResult:
    salons: list[Salon]
    category_count: int
    service_count: int
    staff_count: int
    accounts: list[DemoAccount]


@transaction.atomic
def seed_demo_data(*, today: date, admin_password: str) -> SeedResult:
    """Create or update the demo catalog and one account per role; `today` anchors time off and special hours."""
    categories = _upsert_categories()
    salons = []
    for salon_data in data.SALONS:
        salon = _upsert_salon(salon_data)
        _add_missing_photos(salon, salon_data["colors"])
        services = _upsert_services(salon, salon_data["services"], categories)
        staff_members = [
            _upsert_staff_member(salon, position, staff_data, services, today)
            for position, staff_data in enumerate(salon_data["staff"])
        ]
        _replace_special_hours(staff_members, salon_data.get("special_hours"), today)
        salons.append(salon)
    return SeedResult(
        salons=salons,
        category_count=len(categories),
        service_count=Service.objects.filter(salon__in=salons).count(),
        staff_count=StaffMember.objects.filter(salon__in=salons).count(),
        accounts=_upsert_accounts(admin_password),
    )


# --- Catalog ---------------------------------------------------------------


def _upsert_categories() -> dict[str, ServiceCategory]:
    categories = {}
    for position, (slug, name_ar, name_en) in enumerate(data.CATEGORIES):
        categories[slug], _created = ServiceCategory.objects.update_or_create(
            slug=slug, defaults={"name_ar": name_ar, "name_en": name_en, "display_order": position}
        )
    return categories


def _upsert_salon(salon_data: dict) -> Salon:
    fields = dict(salon_data["salon"])
    slug = fields.pop("slug")
    fields["latitude"] = Decimal(fields["latitude"])
    fields["longitude"] = Decimal(fields["longitude"])
    fields["is_active"] = True
    # Ratings are not seeded: the demo bookings' reviews set them (bookings.py).
    salon, _created = Salon.objects.update_or_create(slug=slug, defaults=fields)
    return salon


def _add_missing_photos(salon: Salon, colors: tuple[str, str]) -> None:
    if not salon.cover_photo:
        cover = gradient_jpeg(colors=colors, size=COVER_SIZE, seed=f"{salon.slug}-cover")
        salon.cover_photo.save(f"{salon.slug}-cover.jpg", ContentFile(cover), save=True)
    if salon.photos.exists():
        return
    for position in range(GALLERY_PHOTO_COUNT):
        # Alternate the direction of the fade so the gallery does not repeat the cover.
        pair = colors if position % 2 else (colors[1], colors[0])
        image = gradient_jpeg(colors=pair, size=GALLERY_SIZE, seed=f"{salon.slug}-gallery-{position}")
        photo = SalonPhoto(salon=salon, display_order=position)
        photo.image.save(f"{salon.slug}-gallery-{position + 1}.jpg", ContentFile(image), save=True)


def _upsert_services(
    salon: Salon, priced_services: Iterable[tuple[str, int]], categories: dict[str, ServiceCategory]
) -> dict[str, Service]:
    services = {}
    for position, (code, price_amount) in enumerate(priced_services):
        template = data.SERVICES[code]
        services[code], _created = Service.objects.update_or_create(
            salon=salon,
            name_en=template["name_en"],
            defaults={
                "category": categories[template["category"]],
                "name_ar": template["name_ar"],
                "description_ar": template["description_ar"],
                "description_en": template["description_en"],
                "duration_minutes": template["duration"],
                "buffer_minutes": template["buffer"],
                "price_amount": price_amount,
                "is_active": True,
                "display_order": position,
            },
        )
    return services


# --- Staff and their time ----------------------------------------------------


def _upsert_staff_member(
    salon: Salon, position: int, staff_data: dict, services: dict[str, Service], today: date
) -> StaffMember:
    title_ar, title_en = data.TITLES[staff_data["title"]]
    staff, _created = StaffMember.objects.update_or_create(
        salon=salon,
        display_name=staff_data["display_name"],
        defaults={
            "display_name_en": staff_data["display_name_en"],
            "title_ar": title_ar,
            "title_en": title_en,
            "is_active": True,
            "display_order": position,
        },
    )
    staff.services.set([services[code] for code in staff_data["services"]])
    _replace_working_hours(staff, data.SHIFT_PATTERNS[staff_data["shift"]])
    _replace_time_off(staff, staff_data.get("time_off", ()), today)
    return staff


def _replace_working_hours(staff: StaffMember, pattern: dict) -> None:
    staff.working_hours.all().delete()
    week = [(weekday, pattern["saturday_to_thursday"]) for weekday in data.SATURDAY_TO_THURSDAY]
    week.append((data.FRIDAY, pattern["friday"]))
    WorkingHours.objects.bulk_create(
        WorkingHours(
            staff=staff, weekday=weekday, start_time=time.fromisoformat(start), end_time=time.fromisoformat(end)
        )
        for weekday, intervals in week
        for start, end in intervals
    )


def _replace_time_off(staff: StaffMember, absences: Iterable[dict], today: date) -> None:
    staff.time_off.filter(reason__in=data.SEED_TIME_OFF_REASONS).delete()
    for absence in absences:
        start = datetime.combine(
            today + timedelta(days=absence["in_days"]), time.fromisoformat(absence["at"]), tzinfo=staff.salon.tz
        )
        TimeOff.objects.create(
            staff=staff, start=start, end=start + timedelta(hours=absence["hours"]), reason=absence["reason"]
        )


def _replace_special_hours(staff_members: list[StaffMember], special_hours: dict | None, today: date) -> None:
    SpecialHours.objects.filter(staff__in=staff_members, note=data.SPECIAL_HOURS_NOTE).delete()
    if special_hours is None:
        return
    day = today + timedelta(days=special_hours["in_days"])
    SpecialHours.objects.bulk_create(
        SpecialHours(
            staff=staff,
            date=day,
            start_time=time.fromisoformat(start),
            end_time=time.fromisoformat(end),
            note=data.SPECIAL_HOURS_NOTE,
        )
        for staff in staff_members
        for start, end in special_hours["intervals"]
    )


# --- Accounts --------------------------------------------------------------


def _upsert_accounts(admin_password: str) -> list[DemoAccount]:
    salon = Salon.objects.get(slug=data.DEMO_SALON_SLUG)

    admin = _upsert_user(data.DEMO_ADMIN, role=Role.CUSTOMER, password=admin_password, is_staff=True, is_superuser=True)

    customer = _upsert_user(data.DEMO_CUSTOMER, role=Role.CUSTOMER)

    stylist = _upsert_user(data.DEMO_STAFF, role=Role.STAFF)
    staff_member = StaffMember.objects.get(salon=salon, display_name=data.DEMO_STAFF["staff"])
    StaffMember.objects.filter(user=stylist).exclude(pk=staff_member.pk).update(user=None)
    staff_member.user = stylist
    staff_member.save(update_fields=["user"])

    manager = _upsert_user(data.DEMO_MANAGER, role=Role.MANAGER)
    second_salon = Salon.objects.get(slug=data.DEMO_MANAGER_SECOND_SALON_SLUG)
    salon.managers.add(manager)
    second_salon.managers.add(manager)

    accounts = [
        DemoAccount(role="admin", user=admin, salon=None),
        DemoAccount(role=Role.CUSTOMER, user=customer, salon=None),
        DemoAccount(role=Role.STAFF, user=stylist, salon=salon),
        DemoAccount(role=Role.MANAGER, user=manager, salon=salon, also_manages=(second_salon,)),
    ]
    for slug, person in data.DEMO_SALON_MANAGERS.items():
        managed = Salon.objects.get(slug=slug)
        salon_manager = _upsert_user(person, role=Role.MANAGER)
        managed.managers.add(salon_manager)
        accounts.append(DemoAccount(role=Role.MANAGER, user=salon_manager, salon=managed))
    return accounts


def _upsert_user(
    person: dict, *, role: str, password: str | None = None, is_staff: bool = False, is_superuser: bool = False
) -> User:
    """Without a password the account signs in with one-time codes only."""
    user, created = User.objects.update_or_create(
        phone_number=person["phone_number"],
        defaults={
            "first_name": person["first_name"],
            "last_name": person["last_name"],
            "role": role,
            "is_phone_verified": True,
            "is_active": True,
            "is_staff": is_staff,
            "is_superuser": is_superuser,
        },
    )
    if password is not None:
        user.set_password(password)
        user.save(update_fields=["password"])
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
