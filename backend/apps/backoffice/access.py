"""Who may manage what: a salon's managers manage that salon, a platform admin (superuser) every
salon. Anyone else is refused at the door (403); a salon the caller does not manage does not exist
for them (404), for every sub-resource."""

from django.db.models import QuerySet
from rest_framework.permissions import BasePermission

from apps.salons.errors import SalonNotFound
from apps.salons.models import Salon

from .errors import ManagersOnly


def is_manager(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and (
        user.is_superuser or user.managed_salons.exists()
    )


def managed_salons(user) -> QuerySet[Salon]:
    """The salons `user` may manage (all of them for a platform admin)."""
    salons = Salon.objects.all() if user.is_superuser else Salon.objects.filter(managers=user)
    return salons.order_by("name_ar", "pk")


def managed_salon_get(*, user, salon_id: int, for_update: bool = False) -> Salon:
    """The salon if `user` manages it; `for_update` locks its row (call inside a transaction)."""
    salons = managed_salons(user).filter(pk=salon_id)
    if for_update:
        salons = salons.select_for_update()
    salon = salons.first()
    if salon is None:
        raise SalonNotFound()
    return salon


class IsSalonManager(BasePermission):
    """Lets in managers of at least one salon and platform admins; 403 `not_a_manager` for anyone else."""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False  # 401: sign in first
        if not is_manager(request.user):
            raise ManagersOnly()
        return True
