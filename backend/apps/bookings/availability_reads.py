"""The availability engine's two reads of the catalogue, written out in SQL on its hot path (tests
hold them equal to the ORM reads they stand for): the salon and service with their qualified staff,
and the qualified staff alone."""

from functools import lru_cache

from django.db import connection

from apps.salons.models import Salon, Service, StaffMember

_SALON_SERVICE_FIELDS = (
    ("salon", "timezone"),
    ("salon", "is_active"),
    ("salon", "lead_time_minutes"),
    ("salon", "booking_horizon_days"),
    ("salon", "slot_step_minutes"),
    ("service", "is_active"),
    ("service", "duration_minutes"),
    ("service", "buffer_minutes"),
)


def salon_service_row(*, salon_id: int, service_id: int) -> dict | None:
    """What the engine needs of the service `service_id` of the salon `salon_id` and of that salon, as
    `Service.objects.filter(pk=…, salon_id=…).values("salon__timezone", …, "is_active", …)` would
    read it (keys likewise), plus under `staff_ids` the salon's active staff offering the service in
    display order (`qualified_staff_ids`): one query, written out in SQL on this hot path (a test
    holds it equal to the ORM's reads)."""
    with connection.cursor() as cursor:
        cursor.execute(_salon_service_sql(connection.vendor), [True, service_id, salon_id])
        rows = cursor.fetchall()
    if not rows:
        return None
    keys = [f"salon__{name}" if model == "salon" else name for model, name in _SALON_SERVICE_FIELDS]
    values = dict(zip(keys, rows[0][: len(keys)], strict=True))
    values["salon__is_active"] = bool(values["salon__is_active"])  # SQLite gives 0 or 1
    values["is_active"] = bool(values["is_active"])
    staff = sorted({(row[-1], row[-2]) for row in rows if row[-2] is not None})  # (display order, id)
    values["staff_ids"] = [staff_id for _order, staff_id in staff]
    return values


@lru_cache(maxsize=4)
def _salon_service_sql(vendor: str) -> str:
    """Only table and column names from the models' metadata and placeholders go into it."""
    quote = connection.ops.quote_name
    metas = {
        "salon": Salon._meta,
        "service": Service._meta,
        "staff": StaffMember._meta,
        "offers": StaffMember.services.through._meta,
    }
    tables = {model: quote(meta.db_table) for model, meta in metas.items()}

    def column(model: str, name: str) -> str:
        return f"{tables[model]}.{quote(metas[model].get_field(name).column)}"

    selected = ", ".join(column(model, name) for model, name in _SALON_SERVICE_FIELDS)
    return (
        f"SELECT {selected}, {column('staff', 'id')}, {column('staff', 'display_order')} "  # noqa: S608
        f"FROM {tables['service']} INNER JOIN {tables['salon']} ON {column('service', 'salon')} = {column('salon', 'id')} "
        f"LEFT OUTER JOIN {tables['offers']} ON {column('offers', 'service')} = {column('service', 'id')} "
        f"LEFT OUTER JOIN {tables['staff']} ON {column('staff', 'id')} = {column('offers', 'staffmember')} "
        f"AND {column('staff', 'salon')} = {column('service', 'salon')} AND {column('staff', 'is_active')} = %s "
        f"WHERE {column('service', 'id')} = %s AND {column('service', 'salon')} = %s"
    )


def qualified_staff_ids(*, salon_id: int, service_id: int, staff_ids: list[int] | None) -> list[int]:
    """The active staff of the salon who offer the service (among `staff_ids` when given), in display
    order: `StaffMember.objects.filter(salon_id=…, is_active=True, services=…)`, written out in SQL on
    this hot path (a test holds the two equal)."""
    if staff_ids is not None and not staff_ids:
        return []
    params: list = [salon_id, True, service_id, *(staff_ids or ())]
    with connection.cursor() as cursor:
        cursor.execute(_qualified_staff_sql(connection.vendor, None if staff_ids is None else len(staff_ids)), params)
        return [staff_id for (staff_id,) in cursor.fetchall()]


@lru_cache(maxsize=64)
def _qualified_staff_sql(vendor: str, staff_count: int | None) -> str:
    """Only table and column names from the models' metadata and placeholders go into it."""
    quote = connection.ops.quote_name
    staff, offers = StaffMember._meta, StaffMember.services.through._meta
    staff_table, offers_table = quote(staff.db_table), quote(offers.db_table)

    def column(meta, name: str) -> str:
        return quote(meta.get_field(name).column)

    pk = f"{staff_table}.{column(staff, 'id')}"
    sql = (
        f"SELECT {pk} FROM {staff_table} INNER JOIN {offers_table} "  # noqa: S608
        f"ON {offers_table}.{column(offers, 'staffmember')} = {pk} "
        f"WHERE {staff_table}.{column(staff, 'salon')} = %s AND {staff_table}.{column(staff, 'is_active')} = %s "
        f"AND {offers_table}.{column(offers, 'service')} = %s"
    )
    if staff_count is not None:
        sql += f" AND {pk} IN ({', '.join(['%s'] * staff_count)})"
    return sql + f" ORDER BY {staff_table}.{column(staff, 'display_order')}, {pk}"
