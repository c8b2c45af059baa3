"""No lost updates: optimistic locking of a recommendation by its version number.

The admin's change form carries the version it was opened on. Validation refuses the save
when the row has moved on since (naming who moved it, from the audit trail) and keeps the
officer's input on the form; the write itself claims the version with one conditional
UPDATE, so two saves racing past validation cannot both succeed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from recommendations.models import Recommendation

VERSION_FIELD = "opened_version"


class StaleVersion(Exception):
    """The recommendation's version is no longer the one the edit was based on."""


def bump_version(recommendation, *, expected=None):
    """UPDATE ... SET version = version + 1 WHERE pk = … [AND version = expected].

    Call before saving the recommendation's own fields (include "version" in update_fields
    when saving only some). Raises StaleVersion when `expected` is no longer current.
    """
    rows = Recommendation.objects.filter(pk=recommendation.pk)
    if expected is not None:
        rows = rows.filter(version=expected)
    if not rows.update(version=F("version") + 1):
        raise StaleVersion(recommendation.pk)
    recommendation.version = (
        expected + 1
        if expected is not None
        else (Recommendation.objects.values_list("version", flat=True).get(pk=recommendation.pk))
    )


def who_made(recommendation_pk, version):
    """(user or None, when) of the save that produced `version`, from the audit trail."""
    record = (
        Recommendation.history.filter(id=recommendation_pk, version=version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
        .first()
    )
    return (record.history_user, record.history_date) if record else (None, None)


def conflict_error(recommendation_pk, version):
    user, when = who_made(recommendation_pk, version)
    params = {
        "who": (user.get_full_name() or user.get_username()) if user else _("someone else"),
        "when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else "-",
    }
    return ValidationError(
        _(
            "This recommendation was changed by %(who)s at %(when)s, after you opened it. "
            "Your changes have not been saved; they are still in the form below. Open the "
            "recommendation in a new tab to see the current version; saving this form again "
            "will replace that version with yours."
        ),
        code="changed_since_opened",
        params=params,
    )


def versioned_form(form_class):
    """A subclass of the admin's ModelForm that carries and checks the version."""

    class VersionedForm(form_class):
        opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk is not None:
                self.fields[VERSION_FIELD].initial = self.instance.version
                self.fields[VERSION_FIELD].required = True

        def clean(self):
            cleaned = super().clean()
            if self.instance.pk is None or VERSION_FIELD not in cleaned:
                return cleaned
            current = (
                Recommendation.objects.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != cleaned[VERSION_FIELD]:
                # Carry the current version from now on: having been told, the officer may
                # deliberately save their values over the newer ones.
                self.data = self.data.copy()
                self.data[self.add_prefix(VERSION_FIELD)] = str(current)
                raise conflict_error(self.instance.pk, current)
            return cleaned

    VersionedForm.__name__ = f"Versioned{form_class.__name__}"
    return VersionedForm


class VersionedAdminMixin:
    """For RecommendationAdmin: the form carries the version; the save claims it atomically."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = versioned_form(self.form)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        first = (name, {**options, "fields": (*options["fields"], VERSION_FIELD)})
        return [first, *rest]

    def save_model(self, request, obj, form, change):
        if change:
            bump_version(obj, expected=form.cleaned_data[VERSION_FIELD])
            # The row is locked now. Status updates move the current status without moving
            # the version (they only append): take it from the row, not from the page load.
            obj.status, obj.status_as_of = Recommendation.objects.values_list(
                "status", "status_as_of"
            ).get(pk=obj.pk)
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion:
            # Another save landed between this form's validation and its write; the view's
            # transaction has rolled back. Run it again: validation now reports the conflict.
            return super().changeform_view(request, object_id, form_url, extra_context)
