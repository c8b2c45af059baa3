"""Forms for the secretariat's admin.

Policy areas, meetings and responsible bodies are many-to-many relations
through explicit link models, which the admin refuses to put on a form
directly. The recommendation form therefore carries one autocomplete field
per relation, under its own name, and writes it back link by link.
"""

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from recommendations.audit import replace_links
from recommendations.models import Recommendation, StatusUpdate

# Form field name -> the Recommendation many-to-many field it edits.
RELATION_FIELDS = {
    "areas": "policy_areas",
    "raised_at": "workshops",
    "addressed_to": "responsible_bodies",
}

# What a status update records; recorded_by and recorded_at come from the request.
STATUS_UPDATE_FIELDS = StatusUpdate.ENTRY_FIELDS


def relation_field(model_field_name, *, required, help_text=""):
    """An autocomplete form field for one of Recommendation's many-to-many fields."""
    field = Recommendation._meta.get_field(model_field_name)
    return forms.ModelMultipleChoiceField(
        queryset=field.related_model._default_manager.all(),
        label=capfirst(field.verbose_name),
        required=required,
        help_text=help_text,
        # Wide enough for a meeting's full title; select2 reads data-width (no inline style).
        widget=AutocompleteSelectMultiple(field, admin.site, attrs={"data-width": "40em"}),
    )


class RecommendationAdminForm(forms.ModelForm):
    areas = relation_field("policy_areas", required=True)
    raised_at = relation_field(
        "workshops",
        required=False,
        help_text=_("The meeting(s) where this recommendation was made."),
    )
    addressed_to = relation_field(
        "responsible_bodies",
        required=False,
        help_text=_("The organisation(s) the recommendation is addressed to."),
    )

    class Meta:
        model = Recommendation
        fields = Recommendation.OWN_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            for form_name, model_name in RELATION_FIELDS.items():
                self.initial.setdefault(
                    form_name,
                    list(getattr(self.instance, model_name).values_list("pk", flat=True)),
                )

    def clean_code(self):
        code = self.cleaned_data["code"]
        taken = Recommendation.objects.filter(code=code).exclude(pk=self.instance.pk)
        if code and taken.exists():
            free = Recommendation.objects.next_free_code(code)
            message = _("Another recommendation already has the code %(code)s.")
            if free:
                message += " " + _("The next free code is %(free)s.")
            raise forms.ValidationError(
                message, code="code_taken", params={"code": code, "free": free}
            )
        return code

    def _save_m2m(self):
        super()._save_m2m()
        for form_name, model_name in RELATION_FIELDS.items():
            if form_name in self.cleaned_data:
                replace_links(self.instance, model_name, self.cleaned_data[form_name])


class DateHelpMixin:
    """Every date box in the admin says how to write a date, in the admin's language."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if (
            isinstance(db_field, models.DateField)
            and not isinstance(db_field, models.DateTimeField)
            and field is not None
        ):
            example = datetime.date(2026, 6, 30)
            hint = _("Write a date as %(example)s; %(iso)s also works.") % {
                "example": example.strftime(formats.get_format("DATE_INPUT_FORMATS")[0]),
                "iso": example.isoformat(),
            }
            field.help_text = f"{field.help_text} {hint}".strip() if field.help_text else hint
        return field


def name_widgets(form, row_label=""):
    """Give each field of a table row an accessible name: a tabular inline shows its labels
    only as column headings, which a screen reader does not tie to the boxes below."""
    for field in form.fields.values():
        label = str(field.label or "")
        field.widget.attrs.setdefault("aria-label", f"{label} {row_label}".strip())


class NamedInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows whose every box, the delete box included, has an accessible name."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = _("(row %(number)s)") % {"number": index + 1} if index is not None else ""
        name_widgets(form, row)


class StatusUpdateForm(forms.ModelForm):
    """A new log entry; existing entries are only ever displayed."""

    class Meta:
        model = StatusUpdate
        fields = STATUS_UPDATE_FIELDS
        # Narrow enough that the log's table fits beside the admin's navigation.
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "cols": 32}),
            "evidence_urls": forms.Textarea(attrs={"rows": 3, "cols": 28}),
            "private_note": forms.Textarea(attrs={"rows": 3, "cols": 24}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "as_of" in self.fields:
            self.fields["as_of"].initial = timezone.localdate

    def clean_as_of(self):
        as_of = self.cleaned_data["as_of"]
        today = timezone.localdate()
        if as_of and as_of > today:
            raise forms.ValidationError(
                _(
                    "An update records what has already happened, so its as-of date cannot be "
                    "later than today (%(today)s). Record it on or after that day."
                ),
                code="future_as_of",
                params={"today": formats.date_format(today, "DATE_FORMAT")},
            )
        return as_of


class LoadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that labels its current choice from an object already loaded.

    Django's widget runs a query per form to find the label of the selected option,
    so an inline of 40 attendance rows would run 40; InlineChoicesForm hands each
    row's widget the related object its select_related() query already fetched.
    """

    loaded = {}  # {str(pk): object}, set per form

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not chosen or any(pk not in self.loaded for pk in chosen):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for pk in chosen:
            label = self.choices.field.label_from_instance(self.loaded[pk])
            options.append(self.create_option(name, pk, label, True, len(options)))
        return [(None, options, 0)]


class InlineChoicesForm(forms.ModelForm):
    """Inline row form whose autocompletes label the current choice without a query."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            model_field = self.instance._meta.get_field(name)
            if isinstance(widget, LoadedAutocompleteSelect) and model_field.is_cached(
                self.instance
            ):
                related = model_field.get_cached_value(self.instance)
                widget.loaded = {str(related.pk): related}
