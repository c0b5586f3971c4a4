"""Writes to the catalog that need no knowledge of bookings: services, the team, working time.

Keyword-only functions, each one transaction (a savepoint inside a caller's). Input comes validated
by the caller's serializer; what needs the database to decide (stylists and services of the right
salon, a phone number already linked, hours that hang together) is checked here and raised as the
errors of `errors.py`. Who may call them, the audit log and the bookings a change affects are the
back office's (`apps.backoffice`). Photos are `photos.py`'s.
"""

from collections.abc import Iterable
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext as _

from apps.accounts.models import Role
from apps.core.locks import lock_name

from .errors import AlreadyOnTeam, InvalidHours, SalonNotFound, StylistOfAnotherSalon, UnknownServices, UnknownStaff
from .events import catalog_changed_publish
from .hours import HoursProblem, special_hours_problems, weekly_hours_problems
from .models import Favourite, Salon, Service, SpecialHours, StaffMember, TimeOff, TimeOffSource, WorkingHours

User = get_user_model()

SERVICE_FIELDS = (
    "category",
    "name_ar",
    "name_en",
    "description_ar",
    "description_en",
    "duration_minutes",
    "price_amount",
    "buffer_minutes",
    "is_active",
    "display_order",
)
STAFF_FIELDS = (
    "display_name",
    "display_name_en",
    "title_ar",
    "title_en",
    "bio_ar",
    "bio_en",
    "is_active",
    "display_order",
)


def _check_fields(changes: dict, allowed: Iterable[str]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")


def _salon_staff(salon: Salon, staff_ids: list[int]) -> list[StaffMember]:
    staff = list(StaffMember.objects.filter(salon=salon, pk__in=set(staff_ids)))
    if len(staff) != len(set(staff_ids)):
        raise UnknownStaff(errors={"staff_ids": [str(UnknownStaff.message)]})
    return staff


def _salon_services(salon: Salon, service_ids: list[int]) -> list[Service]:
    services = list(Service.objects.filter(salon=salon, pk__in=set(service_ids)))
    if len(services) != len(set(service_ids)):
        raise UnknownServices(errors={"service_ids": [str(UnknownServices.message)]})
    return services


# --- Services -----------------------------------------------------------------------------------


def service_create(*, salon: Salon, fields: dict, staff_ids: list[int] | None = None) -> Service:
    """A new service of the salon, offered by `staff_ids` (stylists of the salon, `UnknownStaff` otherwise)."""
    _check_fields(fields, SERVICE_FIELDS)
    with transaction.atomic():
        staff = _salon_staff(salon, staff_ids or [])
        service = Service.objects.create(salon=salon, **fields)
        service.staff.set(staff)
        catalog_changed_publish(salon_id=salon.pk)
    return service


def service_update(*, service: Service, changes: dict, staff_ids: list[int] | None = None) -> Service:
    """Change the fields given, and who offers the service when `staff_ids` is given."""
    _check_fields(changes, SERVICE_FIELDS)
    with transaction.atomic():
        staff = _salon_staff(service.salon, staff_ids) if staff_ids is not None else None
        for name, value in changes.items():
            setattr(service, name, value)
        if changes:
            service.save(update_fields=list(changes))
        if staff is not None:
            service.staff.set(staff)
        catalog_changed_publish(salon_id=service.salon_id)
    return service


def service_delete(*, service: Service) -> bool:
    """Delete the service; one that has bookings (they keep it) is deactivated instead. True when deleted."""
    with transaction.atomic():
        salon_id = service.salon_id
        try:
            with transaction.atomic():
                service.delete()
            deleted = True
        except ProtectedError:
            service.is_active = False
            service.save(update_fields=["is_active"])
            deleted = False
        catalog_changed_publish(salon_id=salon_id)
        return deleted


# --- The team -----------------------------------------------------------------------------------


def staff_add(
    *,
    salon: Salon,
    phone_number: str,
    display_name: str,
    display_name_en: str = "",
    service_ids: list[int] | None = None,
) -> StaffMember:
    """Add a stylist by E.164 phone number: the account with that number is linked (a customer keeps
    their bookings and becomes staff), else one is created. A number already linked to a stylist is
    `AlreadyOnTeam` (this salon) or `StylistOfAnotherSalon` (a person is a stylist at one salon)."""
    with transaction.atomic():
        lock_name(f"staff-phone:{phone_number}")
        services = _salon_services(salon, service_ids or [])
        user = User.objects.filter(phone_number=phone_number).first()
        if user is None:
            user = User.objects.create_user(phone_number, first_name=display_name, role=Role.STAFF)
        else:
            existing = StaffMember.objects.filter(user=user).values_list("salon_id", flat=True).first()
            if existing is not None:
                raise AlreadyOnTeam() if existing == salon.pk else StylistOfAnotherSalon()
            if user.role == Role.CUSTOMER:
                user.role = Role.STAFF
                user.save(update_fields=["role"])
        try:
            with transaction.atomic():
                staff = StaffMember.objects.create(
                    salon=salon, user=user, display_name=display_name, display_name_en=display_name_en
                )
        except IntegrityError:  # linked by a concurrent request meanwhile
            raise StylistOfAnotherSalon() from None
        staff.services.set(services)
        catalog_changed_publish(salon_id=salon.pk)
    return staff


def staff_update(*, staff: StaffMember, changes: dict, service_ids: list[int] | None = None) -> StaffMember:
    """Change the fields given, and the services offered when `service_ids` is given (services of the
    stylist's salon, `UnknownServices` otherwise). Deactivating with bookings ahead is the back
    office's to settle first."""
    _check_fields(changes, STAFF_FIELDS)
    with transaction.atomic():
        services = _salon_services(staff.salon, service_ids) if service_ids is not None else None
        for name, value in changes.items():
            setattr(staff, name, value)
        if changes:
            staff.save(update_fields=list(changes))
        if services is not None:
            staff.services.set(services)
        catalog_changed_publish(salon_id=staff.salon_id)
    return staff


# --- Working time -------------------------------------------------------------------------------


def _raise_problems(problems: list[HoursProblem]) -> None:
    if problems:
        rows = sorted({row for problem in problems for row in problem.rows})
        raise InvalidHours(
            errors={"hours": [problem.message for problem in problems], "rows": [str(row) for row in rows]}
        )


def working_hours_replace(*, staff: StaffMember, rows: list[tuple[int, time, time]]) -> list[WorkingHours]:
    """Replace the stylist's whole week with `rows` (weekday, start, end); `InvalidHours` naming the
    offending rows when they do not hang together (`hours.weekly_hours_problems`)."""
    _raise_problems(weekly_hours_problems(rows))
    with transaction.atomic():
        WorkingHours.objects.filter(staff=staff).delete()
        hours = WorkingHours.objects.bulk_create(
            [WorkingHours(staff=staff, weekday=weekday, start_time=start, end_time=end) for weekday, start, end in rows]
        )
        catalog_changed_publish(salon_id=staff.salon_id)
        return hours


def time_off_create(*, staff: StaffMember, start: datetime, end: datetime, reason: str = "") -> TimeOff:
    if end <= start:
        raise InvalidHours(errors={"end": [_("The end must be after the start.")]})
    with transaction.atomic():
        time_off = TimeOff.objects.create(staff=staff, start=start, end=end, reason=reason)
        catalog_changed_publish(salon_id=staff.salon_id, times=((start, end),))
        return time_off


def special_hours_create(
    *, staff: StaffMember, day: date, start: time | None = None, end: time | None = None
) -> SpecialHours:
    """Hours replacing the weekday's on `day` (none: a day off), beside the date's other rows as long
    as they hang together (`hours.special_hours_problems`; `InvalidHours` otherwise)."""
    if (start is None) != (end is None):
        raise InvalidHours(
            errors={"end" if end is None else "start": [_("Give both a start and an end, or neither for a day off.")]}
        )
    with transaction.atomic():
        existing = list(
            SpecialHours.objects.filter(staff=staff, date=day).values_list("date", "start_time", "end_time")
        )
        problems = special_hours_problems([*existing, (day, start, end)])
        if problems:
            raise InvalidHours(errors={"date": [problem.message for problem in problems]})
        special = SpecialHours.objects.create(staff=staff, date=day, start_time=start, end_time=end)
        catalog_changed_publish(salon_id=staff.salon_id, days=(day,))
        return special


def time_off_delete(*, time_off: TimeOff) -> None:
    with transaction.atomic():
        times = ((time_off.start, time_off.end),)
        time_off.delete()
        catalog_changed_publish(salon_id=time_off.staff.salon_id, times=times)


def time_off_sync_external(
    *, staff: StaffMember, source: str, upserts: list[tuple[str, datetime, datetime, str]], deletes: list[str]
) -> tuple[list[TimeOff], int]:
    """Bring the stylist's time off from an outside calendar (`source`, not manual) in line with it:
    `upserts` (external id, start, end, reason) are created or moved, `deletes` (external ids) removed.
    One transaction; the availability hook is told of every old and new range. Returns the rows written
    and how many were removed."""
    if source == TimeOffSource.MANUAL:
        raise ValueError("time_off_sync_external is for outside calendars only")
    times: list[tuple[datetime, datetime]] = []
    written: list[TimeOff] = []
    with transaction.atomic():
        ids = [external_id for external_id, *_rest in upserts] + list(deletes)
        existing = {
            row.external_id: row
            for row in TimeOff.objects.select_for_update().filter(staff=staff, source=source, external_id__in=ids)
        }
        for external_id, start, end, reason in upserts:
            row = existing.get(external_id)
            if row is None:
                row = TimeOff.objects.create(
                    staff=staff, source=source, external_id=external_id, start=start, end=end, reason=reason[:200]
                )
            elif (row.start, row.end, row.reason) != (start, end, reason[:200]):
                times.append((row.start, row.end))
                row.start, row.end, row.reason = start, end, reason[:200]
                row.save(update_fields=["start", "end", "reason"])
            else:
                continue
            times.append((start, end))
            written.append(row)
        removed = [existing[external_id] for external_id in deletes if external_id in existing]
        times.extend((row.start, row.end) for row in removed)
        TimeOff.objects.filter(pk__in=[row.pk for row in removed]).delete()
        if times:
            catalog_changed_publish(salon_id=staff.salon_id, times=tuple(times))
    return written, len(removed)


def special_hours_delete(*, special_hours: SpecialHours) -> None:
    with transaction.atomic():
        day = special_hours.date
        special_hours.delete()
        catalog_changed_publish(salon_id=special_hours.staff.salon_id, days=(day,))


# --- A customer's favourite salons ------------------------------------------------------------


@transaction.atomic
def favourite_add(*, user, salon_id: int) -> bool:
    """Keep an active salon as one of `user`'s favourites; True when it was not one yet. Raises
    `SalonNotFound` for an unknown or inactive salon. The unique constraint settles a race."""
    if not Salon.objects.filter(pk=salon_id, is_active=True).exists():
        raise SalonNotFound()
    _favourite, created = Favourite.objects.get_or_create(user=user, salon_id=salon_id)
    return created


@transaction.atomic
def favourite_remove(*, user, salon_id: int) -> bool:
    """Stop keeping the salon as a favourite (whatever its state); True when it was one."""
    deleted, _rows = Favourite.objects.filter(user=user, salon_id=salon_id).delete()
    return deleted > 0
