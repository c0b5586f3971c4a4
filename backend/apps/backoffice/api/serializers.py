"""Shapes of the back office's salon endpoints and audit log."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.audit.models import AuditEntry
from apps.bookings.api.serializers import DateOrDateTimeField
from apps.salons.models import Salon

from ..services import SALON_EDITABLE_FIELDS, SALON_LEGAL_FIELDS, SALON_POLICY_FIELDS, SALON_PROFILE_FIELDS


class ManageSalonSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Salon
        fields = ["id", "slug", "name_ar", "name_en", "city", "timezone", "is_active"]
        read_only_fields = fields


class ManageSalonSerializer(serializers.ModelSerializer):
    """The salon's profile and booking policy, as its managers edit them. Model validators apply
    (e.g. slot step 5–120 minutes, latitude −90–90), so bad values are field errors."""

    class Meta:
        model = Salon
        fields = ["id", "slug", "timezone", "rating_average", "rating_count", *SALON_EDITABLE_FIELDS]
        read_only_fields = ["id", "slug", "timezone", "rating_average", "rating_count"]
        extra_kwargs = {name: {"required": False} for name in SALON_EDITABLE_FIELDS}

    def validate(self, attrs):
        name_ar = attrs.get("name_ar", getattr(self.instance, "name_ar", ""))
        if not (name_ar or "").strip():
            raise serializers.ValidationError({"name_ar": [_("The Arabic name is required.")]})
        return attrs


SALON_GROUPS = {"profile": SALON_PROFILE_FIELDS, "policy": SALON_POLICY_FIELDS, "legal": SALON_LEGAL_FIELDS}


class AuditActorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    first_name = serializers.CharField()


class AuditEntrySerializer(serializers.ModelSerializer):
    actor = AuditActorSerializer(allow_null=True)
    changes = serializers.SerializerMethodField(help_text=_("Each changed field: [before, after]."))
    details = serializers.SerializerMethodField(
        help_text=_("What else the entry says: what was viewed or exported, a booking's event and status.")
    )

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "created_at",
            "actor",
            "action",
            "object_type",
            "object_id",
            "object_repr",
            "changes",
            "details",
        ]
        read_only_fields = fields

    # An entry stores changed fields as [before, after] pairs and other facts (a read's period, a booking's
    # event) beside them in the same column: the two are told apart here.
    @extend_schema_field(serializers.DictField(child=serializers.ListField()))
    def get_changes(self, entry: AuditEntry) -> dict:
        return {name: value for name, value in entry.changes.items() if _is_change(value)}

    @extend_schema_field(serializers.DictField(child=serializers.JSONField()))
    def get_details(self, entry: AuditEntry) -> dict:
        return {name: value for name, value in entry.changes.items() if not _is_change(value)}


def _is_change(value) -> bool:
    return isinstance(value, list) and len(value) == 2


class AuditQuerySerializer(serializers.Serializer):
    object = serializers.CharField(required=False, max_length=40, help_text=_("An object type, e.g. service."))
    date_from = DateOrDateTimeField(required=False)
    date_to = DateOrDateTimeField(required=False)

    def to_internal_value(self, data):
        # `from`/`to` are Python keywords: the query parameters are renamed here.
        data = {key: value for key, value in data.items()}
        for outside, inside in (("from", "date_from"), ("to", "date_to")):
            if outside in data:
                data[inside] = data.pop(outside)
        return super().to_internal_value(data)
