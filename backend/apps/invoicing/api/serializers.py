"""The documents as the API shows them: amounts in integer halalas, times in the salon's time zone,
the QR code as its Base64 TLV payload and as an SVG image (null for a document without one)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import DocumentKind
from ..zatca import qr_svg

MAX_DAYS = 400


class IssuedAtField(serializers.DateTimeField):
    """The document's issue time, ISO 8601 with the salon's offset."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return value.issued_at.astimezone(value.salon.tz).isoformat()


@extend_schema_field(OpenApiTypes.STR)
class QrField(serializers.Field):
    """The Base64 TLV payload, or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value.qr or None


@extend_schema_field(OpenApiTypes.STR)
class QrSvgField(serializers.Field):
    """An SVG image of the QR code, or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return qr_svg(value.qr) if value.qr else None


class InvoiceSellerSerializer(serializers.Serializer):
    name = serializers.CharField(source="seller_name", help_text=_("The salon's legal name (else its Arabic name)."))
    vat_number = serializers.CharField(source="seller_vat_number", help_text=_("Empty on a receipt."))


class InvoiceBuyerSerializer(serializers.Serializer):
    name = serializers.CharField(source="buyer_name")


class InvoiceLineSerializer(serializers.Serializer):
    description = serializers.CharField(source="description_ar", help_text=_("What was sold, in Arabic."))
    description_en = serializers.CharField(help_text=_("The same in English (may be empty)."))
    quantity = serializers.IntegerField()
    unit_price_excl_vat = serializers.IntegerField(help_text=_("Halalas."))
    vat_rate = serializers.CharField(help_text=_('Percent with two decimals, e.g. "15.00" ("0.00" on a receipt).'))
    vat = serializers.IntegerField(help_text=_("Halalas."))
    total_incl_vat = serializers.IntegerField(help_text=_("Halalas."))


class InvoiceCreditNoteSerializer(serializers.Serializer):
    number = serializers.CharField()
    uuid = serializers.UUIDField()
    issued_at = IssuedAtField()
    amount = serializers.IntegerField(source="total", help_text=_("Given back, VAT included (halalas)."))
    vat = serializers.IntegerField(source="vat_amount", help_text=_("VAT given back (halalas)."))
    qr = QrField()
    qr_svg = QrSvgField()


class InvoiceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[DocumentKind.INVOICE, DocumentKind.RECEIPT])
    number = serializers.CharField()
    uuid = serializers.UUIDField()
    issued_at = IssuedAtField()
    seller = InvoiceSellerSerializer(source="*")
    buyer = InvoiceBuyerSerializer(source="*")
    booking_reference = serializers.CharField(source="booking.reference")
    lines = InvoiceLineSerializer(many=True)
    subtotal_excl_vat = serializers.IntegerField(source="subtotal", help_text=_("Halalas."))
    total = serializers.IntegerField(help_text=_("VAT included (halalas)."))
    vat = serializers.IntegerField(source="vat_amount", help_text=_("Halalas (0 on a receipt)."))
    currency = serializers.CharField()
    qr = QrField()
    qr_svg = QrSvgField()
    pdf_url = serializers.SerializerMethodField()
    credit_notes = InvoiceCreditNoteSerializer(many=True)

    def get_pdf_url(self, document) -> str:
        return reverse("invoicing:booking-invoice-pdf", kwargs={"booking_id": document.booking_id})


class InvoiceDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    number = serializers.CharField()
    uuid = serializers.UUIDField()
    issued_at = IssuedAtField()
    booking_reference = serializers.CharField(source="booking.reference")
    customer_name = serializers.CharField(source="buyer_name")
    total = serializers.IntegerField(help_text=_("VAT included (halalas); what a credit note gives back."))
    vat = serializers.IntegerField(source="vat_amount", help_text=_("Halalas."))
    currency = serializers.CharField()
    references = serializers.CharField(
        source="original.number", allow_null=True, help_text=_("The number of the document a credit note refers to.")
    )


class InvoiceDocumentPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = InvoiceDocumentSerializer(many=True)
    vat_number_missing = serializers.BooleanField(
        help_text=_("The salon has no VAT number: it issues receipts, not tax invoices, until it adds one.")
    )


class _PeriodSerializer(serializers.Serializer):
    """`from` and `to`: days in the salon's time zone, both included."""

    required_period = False
    to = serializers.DateField(required=False, help_text=_("The last day (inclusive), in the salon's time zone."))
    kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be declared as a class attribute.
        fields["from"] = serializers.DateField(
            required=self.required_period, help_text=_("The first day, in the salon's time zone.")
        )
        if self.required_period:
            fields["to"].required = True
        return fields

    def validate(self, attrs):
        first, last = attrs.get("from"), attrs.get("to")
        if first and last and first > last:
            raise serializers.ValidationError({"from": [_("The first day must not be after the last.")]})
        return attrs


class DocumentListQuerySerializer(_PeriodSerializer):
    pass


class DocumentExportQuerySerializer(_PeriodSerializer):
    required_period = True

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if (attrs["to"] - attrs["from"]).days + 1 > MAX_DAYS:
            raise serializers.ValidationError(
                {"to": [_("At most %(days)d days can be exported at once.") % {"days": MAX_DAYS}]}
            )
        return attrs


class PdfQuerySerializer(serializers.Serializer):
    size = serializers.ChoiceField(
        choices=[("a4", "A4"), ("receipt", "80 mm receipt")],
        default="a4",
        help_text=_("A4, or an 80 mm receipt roll."),
    )
