"""Reads of the back office: a managed salon's services, team, gallery and a stylist's working time,
inactive ones included, each in a constant number of queries."""

from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from apps.salons.models import Salon, SalonPhoto, Service, SpecialHours, StaffMember, TimeOff, WorkingHours

from ..access import managed_salon_get
from ..team import staff_of_salon

# As the salon's page lists services: by category, then in each category's display order.
SERVICE_ORDER = ("category__display_order", "category_id", "display_order", "id")


def services_with_staff(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("category").prefetch_related(
        Prefetch("staff", queryset=StaffMember.objects.only("pk", "salon_id").order_by("pk"))
    )


def staff_with_services(staff: QuerySet[StaffMember]) -> QuerySet[StaffMember]:
    return staff.select_related("user").prefetch_related(
        Prefetch("services", queryset=Service.objects.only("pk", "salon_id").order_by("pk"))
    )


def service_list(*, actor, salon_id: int) -> QuerySet[Service]:
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    return services_with_staff(Service.objects.filter(salon=salon)).order_by(*SERVICE_ORDER)


def staff_list(*, actor, salon_id: int) -> QuerySet[StaffMember]:
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    return staff_with_services(StaffMember.objects.filter(salon=salon)).order_by("display_order", "pk")


def photo_list(*, actor, salon_id: int) -> tuple[Salon, QuerySet[SalonPhoto]]:
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    return salon, SalonPhoto.objects.filter(salon=salon).order_by("display_order", "pk")


def hours_list(*, actor, salon_id: int, staff_id: int) -> QuerySet[WorkingHours]:
    staff = staff_of_salon(managed_salon_get(user=actor, salon_id=salon_id), staff_id)
    return WorkingHours.objects.filter(staff=staff).order_by("weekday", "start_time", "pk")


def time_off_list(
    *, actor, salon_id: int, staff_id: int, now: datetime | None = None
) -> tuple[Salon, QuerySet[TimeOff]]:
    """Current and upcoming time off (ending after now), soonest first."""
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    staff = staff_of_salon(salon, staff_id)
    return salon, TimeOff.objects.filter(staff=staff, end__gt=now or timezone.now()).order_by("start", "pk")


def special_hours_list(*, actor, salon_id: int, staff_id: int, now: datetime | None = None) -> QuerySet[SpecialHours]:
    """Special hours from the salon's today on, by date."""
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    staff = staff_of_salon(salon, staff_id)
    today = (now or timezone.now()).astimezone(salon.tz).date()
    return SpecialHours.objects.filter(staff=staff, date__gte=today).order_by("date", "start_time", "pk")
