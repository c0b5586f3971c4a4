"""Catalogue reads for the public API: a salon, its services, staff and opening hours (the salon
list is `apps.discovery`'s).

Only active salons, services and staff are ever returned. Every read runs a constant number of
queries whatever the number of rows: prices are aggregated in SQL, related rows are prefetched.
"""

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from operator import attrgetter

from django.db.models import Exists, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery, Value

from .errors import SalonNotFound
from .hours import interval_minutes
from .models import Favourite, Salon, Service, ServiceCategory, StaffMember, Weekday

# --- Shared by the catalog and the salon list (apps.discovery) ----------------------------


def with_price_range(salons: QuerySet[Salon]) -> QuerySet[Salon]:
    """`salons` with `min_price`/`max_price`: their active services' price range.

    Correlated subqueries rather than a join and GROUP BY: PostgreSQL computes them after the sort
    and limit, for the page's salons only (a list of thousands of matches would otherwise aggregate
    every match's services), unless the order is by price; and a count drops them.
    """
    active = Service.objects.filter(salon=OuterRef("pk"), is_active=True).order_by().values("salon")
    return salons.annotate(
        min_price=Subquery(active.annotate(low=Min("price_amount")).values("low")),
        max_price=Subquery(active.annotate(high=Max("price_amount")).values("high")),
    )


def with_is_favourite(salons: QuerySet[Salon], *, user) -> QuerySet[Salon]:
    """`salons` with `is_favourite`: whether `user` keeps the salon as a favourite (False for anonymous),
    one `EXISTS` in the same query."""
    if user is None or not user.is_authenticated:
        return salons.annotate(is_favourite=Value(False))
    return salons.annotate(is_favourite=Exists(Favourite.objects.filter(user=user, salon=OuterRef("pk"))))


def favourite_salon_list(*, user) -> QuerySet[Salon]:
    """The user's favourite active salons as the salon list shows them, the latest favourite first."""
    favourites = Favourite.objects.filter(user=user, salon=OuterRef("pk"))
    salons = Salon.objects.filter(Exists(favourites), is_active=True).annotate(
        favourited_at=Subquery(favourites.values("created_at")[:1]), is_favourite=Value(True)
    )
    return with_price_range(salons).order_by("-favourited_at", "-id")


# The largest id a BigAutoField holds: larger numbers cannot name a row (and overflow SQLite).
MAX_ID = 2**63 - 1


def category_condition(value: str) -> Q:
    """Services of a category given by its slug or by its id."""
    condition = Q(category__slug=value)
    if value.isdecimal() and int(value) <= MAX_ID:
        condition |= Q(category_id=int(value))
    return condition


# --- Services and staff ----------------------------------------------------------

# Services as a salon's page lists them: by category, then in each category's display order.
_SERVICE_ORDER = ("category__display_order", "category_id", "display_order", "id")


def _active_services() -> QuerySet[Service]:
    """Active services in category then display order, each with `active_staff` (who offers it)."""
    return (
        Service.objects.filter(is_active=True)
        .select_related("category")
        .prefetch_related(
            Prefetch("staff", queryset=StaffMember.objects.filter(is_active=True), to_attr="active_staff")
        )
        .order_by(*_SERVICE_ORDER)
    )


def _active_staff() -> QuerySet[StaffMember]:
    """Active staff in display order, each with `active_services` (what they offer, in catalogue order)."""
    return StaffMember.objects.filter(is_active=True).prefetch_related(
        Prefetch(
            "services",
            queryset=Service.objects.filter(is_active=True).order_by(*_SERVICE_ORDER),
            to_attr="active_services",
        )
    )


def _require_active_salon(salon_id: int) -> None:
    if not Salon.objects.filter(id=salon_id, is_active=True).exists():
        raise SalonNotFound()


def service_list(*, salon_id: int) -> QuerySet[Service]:
    """The salon's active services; raises `SalonNotFound` for an unknown or inactive salon."""
    _require_active_salon(salon_id)
    return _active_services().filter(salon_id=salon_id)


def service_filter_category(services: QuerySet[Service], *, category: str) -> QuerySet[Service]:
    return services.filter(category_condition(category))


def staff_list(*, salon_id: int) -> QuerySet[StaffMember]:
    """The salon's active staff; raises `SalonNotFound` for an unknown or inactive salon."""
    _require_active_salon(salon_id)
    return _active_staff().filter(salon_id=salon_id)


def staff_filter_service(staff: QuerySet[StaffMember], *, service_id: int) -> QuerySet[StaffMember]:
    """Staff offering the service, when it is active."""
    return staff.filter(services__id=service_id, services__is_active=True)


# --- Salon detail ----------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceGroup:
    category: ServiceCategory
    services: list[Service]


@dataclass(frozen=True)
class OpeningInterval:
    start: time
    end: time
    overnight: bool  # the end is on the next day (at or after midnight)


@dataclass(frozen=True)
class OpeningDay:
    weekday: int  # `date.weekday()` numbering
    intervals: list[OpeningInterval]

    @property
    def name(self) -> str:
        return Weekday(self.weekday).label


SAUDI_WEEK = (
    Weekday.SUNDAY,
    Weekday.MONDAY,
    Weekday.TUESDAY,
    Weekday.WEDNESDAY,
    Weekday.THURSDAY,
    Weekday.FRIDAY,
    Weekday.SATURDAY,
)

_MINUTES_PER_DAY = 24 * 60


def salon_detail(*, salon_id: int, user=None) -> Salon:
    """An active salon with everything its page shows, in seven queries.

    Besides the model fields it carries `min_price`/`max_price`, `is_favourite` (for `user`), `photos`, `active_services`,
    `active_staff` (see `_active_services`/`_active_staff`), `service_groups` (list of
    `ServiceGroup`) and `opening_hours` (list of `OpeningDay`). Raises `SalonNotFound`.
    """
    salons = with_is_favourite(with_price_range(Salon.objects.filter(is_active=True)), user=user).prefetch_related(
        "photos",
        Prefetch("services", queryset=_active_services(), to_attr="active_services"),
        Prefetch("staff", queryset=_active_staff().prefetch_related("working_hours"), to_attr="active_staff"),
    )
    try:
        salon = salons.get(id=salon_id)
    except Salon.DoesNotExist:
        raise SalonNotFound() from None
    salon.service_groups = group_by_category(salon.active_services)
    salon.opening_hours = opening_hours(salon.active_staff)
    return salon


def group_by_category(services: Iterable[Service]) -> list[ServiceGroup]:
    """Consecutive services of the same category, grouped; `services` come in category order."""
    return [
        ServiceGroup(category=category, services=list(members))
        for category, members in itertools.groupby(services, key=attrgetter("category"))
    ]


def opening_hours(staff: Iterable[StaffMember]) -> list[OpeningDay]:
    """Per weekday, Sunday first, the union of the staff's weekly working intervals.

    Overlapping or touching intervals merge; an interval keeps the weekday it starts on, even when it
    ends after midnight. `staff` must have `working_hours` prefetched.
    """
    spans_by_day: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for member in staff:
        for hours in member.working_hours.all():
            spans_by_day[hours.weekday].append(interval_minutes(hours.start_time, hours.end_time))
    return [
        OpeningDay(weekday=day, intervals=[_opening_interval(span) for span in _merge(spans_by_day[day])])
        for day in SAUDI_WEEK
    ]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _opening_interval(span: tuple[int, int]) -> OpeningInterval:
    start, end = span
    return OpeningInterval(
        start=time(*divmod(start, 60)),
        end=time(*divmod(end % _MINUTES_PER_DAY, 60)),
        overnight=end >= _MINUTES_PER_DAY,
    )


def category_list() -> QuerySet[ServiceCategory]:
    """Categories that at least one active salon offers an active service in, in display order."""
    return (
        ServiceCategory.objects.filter(services__is_active=True, services__salon__is_active=True)
        .distinct()
        .order_by("display_order", "id")
    )
