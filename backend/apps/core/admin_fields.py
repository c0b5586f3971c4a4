"""Admin form pieces shared by the apps: amounts typed in SAR and stored in halalas, and labelled
inline inputs.

Money is held in integer halalas (`apps.core.money`); people type and read riyals with two
decimals ("60.00", Arabic-Indic digits and the Arabic decimal separator accepted).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .money import format_sar, major_units

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_MAX_HALALAS = 10**12


class SarAmountInput(forms.TextInput):
    """A text box showing halalas as riyals ("6000" -> "60.00")."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {"class": "vSarAmountField", "inputmode": "decimal", "dir": "ltr", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return major_units(value)
        return super().format_value(value)


class SarAmountField(forms.Field):
    """An amount typed in SAR with at most two decimals; its cleaned value is integer halalas."""

    widget = SarAmountInput
    default_error_messages = {
        "invalid": _("Enter an amount in SAR, e.g. 60 or 60.50."),
        "max_decimal_places": _("Give at most two decimals (halalas)."),
        "min_value": _("The amount must be at least %(limit)s SAR."),
        "max_value": _("The amount must be at most %(limit)s SAR."),
    }

    def __init__(self, *, min_halalas: int | None = 0, max_halalas: int | None = None, **kwargs):
        self.min_halalas = min_halalas
        self.max_halalas = max_halalas
        super().__init__(**kwargs)

    def to_python(self, value) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip().translate(_ARABIC_DIGITS).replace(",", "")
        for suffix in ("SAR", "ر.س.", "ر.س", "ريال"):
            text = text.removesuffix(suffix).strip()
        try:
            riyals = Decimal(text)
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not riyals.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        halalas = riyals * 100
        if halalas != halalas.to_integral_value():
            raise ValidationError(self.error_messages["max_decimal_places"], code="max_decimal_places")
        if abs(halalas) >= _MAX_HALALAS:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(halalas.to_integral_value(ROUND_HALF_UP))

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_halalas is not None and value < self.min_halalas:
            raise ValidationError(
                self.error_messages["min_value"], code="min_value", params={"limit": major_units(self.min_halalas)}
            )
        if self.max_halalas is not None and value > self.max_halalas:
            raise ValidationError(
                self.error_messages["max_value"], code="max_value", params={"limit": major_units(self.max_halalas)}
            )

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


class SarAmountAdminMixin:
    """For a ModelAdmin or an inline: the model's integer halalas fields named in `sar_fields`
    (field name -> label) are typed and shown in SAR."""

    sar_fields: dict[str, str] = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.sar_fields:
            return SarAmountField(
                label=self.sar_fields[db_field.name],
                required=not db_field.blank,
                help_text=_("In SAR, e.g. 60.00 (stored in halalas)."),
                min_halalas=0,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class _LabelledFormSet:
    """Each input of a table row named for assistive technology: a tabular inline shows the field's
    name only once, in the column header, with no <label> tied to the inputs."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            label = _("Delete") if name == DELETION_FIELD_NAME else field.label
            if label and not field.widget.is_hidden:
                # The admin's related-object wrapper renders its own copy of the inner widget.
                widget = getattr(field.widget, "widget", field.widget)
                widget.attrs.setdefault("aria-label", capfirst(label))


class LabelledTabularInline(admin.TabularInline):
    """A TabularInline whose inputs carry their column's name as `aria-label`."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (_LabelledFormSet, formset), {})


def sar_display(field_name: str, description):
    """An admin column or read-only field showing the integer halalas `field_name` in SAR, for a
    ModelAdmin or inline class attribute: `amount_sar = sar_display("amount", _("amount"))`, then
    "amount_sar" in `list_display` or `readonly_fields`."""

    @admin.display(description=description, ordering=field_name)
    def show(_model_admin, obj) -> str:
        value = getattr(obj, field_name)
        return "-" if value is None else format_sar(value)

    return show
