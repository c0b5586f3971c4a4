"""Serializer fields whose content another app provides (see `apps.bookings.attachments`)."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from ..attachments import booking_attachment


class AttachedField(serializers.Field):
    """The value an attachment registered for this field name gives the booking; null without one."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, booking):
        attachment = booking_attachment(self.field_name)
        return attachment.represent(booking) if attachment is not None else None


class AttachedFieldSchema(OpenApiSerializerFieldExtension):
    """Documents an attached field with the shape its attachment declares."""

    target_class = AttachedField

    def map_serializer_field(self, auto_schema, direction):
        attachment = booking_attachment(self.target.field_name)
        if attachment is None:
            return build_basic_type(OpenApiTypes.NONE)
        return auto_schema._map_serializer_field(attachment.schema, direction)
