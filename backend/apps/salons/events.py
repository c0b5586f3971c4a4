"""What the catalog tells the apps above it: a change that can change a salon's free times (its
services, who offers them, the staff, their working hours, special hours and time off), published in
the change's transaction through `catalog_reactors` (bookings register their availability hook in
their `AppConfig.ready`; the catalog imports no app above it)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from apps.core.events import Reactors


@dataclass(frozen=True)
class CatalogChanged:
    """The salon's free times may have changed: on the local `days` and the days touched by `times`
    (from, to), or on every day when neither is given."""

    salon_id: int
    days: tuple[date, ...] | None = None
    times: tuple[tuple[datetime, datetime], ...] = field(default=())
    kind: str = "catalog_changed"


catalog_reactors: Reactors[CatalogChanged] = Reactors("catalog")


def catalog_changed_publish(
    *, salon_id: int, days: tuple[date, ...] | None = None, times: tuple[tuple[datetime, datetime], ...] = ()
) -> None:
    catalog_reactors.publish(CatalogChanged(salon_id=salon_id, days=days, times=times))
