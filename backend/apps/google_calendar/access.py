"""Whose calendar a caller may manage: a stylist (a user with a staff profile) their own; a salon's
manager (or a platform admin) every stylist of their salons; anyone else (customers) is refused (403).
Another salon's stylist, or a colleague's for a stylist who is not a manager, is not found (404)."""

from apps.salons.models import StaffMember

from .errors import CalendarStaffNotFound, StylistsOnly


def _is_manager(user) -> bool:
    return user.is_superuser or user.managed_salons.exists()


def staff_for(*, user, staff_id: int | None) -> StaffMember:
    """The stylist `user` acts for: `staff_id` (a manager's, or their own), else their own profile."""
    if not user.is_authenticated:
        raise StylistsOnly()
    own = StaffMember.objects.select_related("salon").filter(user=user).first()
    if staff_id is None or (own is not None and own.pk == staff_id):
        if own is None:
            raise StylistsOnly()
        return own
    if not _is_manager(user):
        if own is None:
            raise StylistsOnly()
        raise CalendarStaffNotFound()
    staff = StaffMember.objects.select_related("salon").filter(pk=staff_id).first()
    if staff is None or not (user.is_superuser or staff.salon.managers.filter(pk=user.pk).exists()):
        raise CalendarStaffNotFound()
    return staff


def managed_salon_ids(user) -> list[int] | None:
    """The salons whose conflicts `user` sees (None: every salon, a platform admin)."""
    if user.is_superuser:
        return None
    if not user.managed_salons.exists():
        raise StylistsOnly()
    return list(user.managed_salons.values_list("pk", flat=True))
