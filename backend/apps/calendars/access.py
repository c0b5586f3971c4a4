"""Who may see and reset which feed: a stylist their own; a salon's managers the salon's and each of
its stylists'; platform admins (superusers) any. Customers are refused (403); a salon or stylist the
caller may not see does not exist for them (404)."""

from apps.salons.errors import SalonNotFound, StaffNotFound
from apps.salons.models import Salon, StaffMember

from .errors import FeedForbidden, StylistsOnly


def _stylist_profile(user) -> StaffMember | None:
    return StaffMember.objects.select_related("salon").filter(user=user).first()


def _may_have_feeds(user) -> bool:
    return user.is_superuser or user.managed_salons.exists() or StaffMember.objects.filter(user=user).exists()


def own_stylist_get(*, user) -> StaffMember:
    """The signed-in stylist's profile; 403 `not_a_stylist` for anyone without an active one."""
    staff = _stylist_profile(user)
    if staff is None or not staff.is_active:
        raise StylistsOnly()
    return staff


def visible_stylist_get(*, user, staff_id: int) -> StaffMember:
    staff = StaffMember.objects.select_related("salon").filter(pk=staff_id).first()
    if staff is not None and (
        user.is_superuser or staff.user_id == user.pk or staff.salon.managers.filter(pk=user.pk).exists()
    ):
        return staff
    if not _may_have_feeds(user):
        raise FeedForbidden()
    raise StaffNotFound()


def visible_salon_get(*, user, salon_id: int) -> Salon:
    salons = Salon.objects.all() if user.is_superuser else Salon.objects.filter(managers=user)
    salon = salons.filter(pk=salon_id).first()
    if salon is not None:
        return salon
    if not _may_have_feeds(user):
        raise FeedForbidden()
    raise SalonNotFound()
