"""What several admins share: naming what blocks a delete, the "(none)" filter, and what
the current status is after an update is recorded."""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
)

# Link rows whose own name says nothing useful ("Raised at: <the workshop being deleted>"):
# when one blocks a delete, the officer needs to know which recommendation holds on.
LINK_MODELS = (RecommendationArea, RaisedAt, ResponsibleBody)
# Characters of a title a changelist row shows before "…" (the rest is on hover).
TITLE_CHARACTERS = 60


def blocking_records(protected):
    """The records behind the protected rows, a link row standing for its recommendation."""
    links = {obj.recommendation_id for obj in protected if isinstance(obj, LINK_MODELS)}
    others = {obj for obj in protected if not isinstance(obj, LINK_MODELS)}
    records = [*Recommendation.objects.filter(pk__in=links), *others]
    return sorted(records, key=lambda obj: (str(obj._meta.verbose_name), str(obj)))


def describe(obj):
    label = capfirst(obj._meta.verbose_name)
    if not admin.site.is_registered(type(obj)):
        return f"{label}: {obj}"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('{}: <a href="{}">{}</a>', label, url, obj)


def status_feedback(update):
    """(message level, text): what the current status is after recording `update`, and why."""
    log = update.recommendation.status_updates.newest_first()
    current = log.only("pk", "status", "as_of").first()
    params = {
        "code": update.recommendation.code,
        "status": update.get_status_display(),
        "date": date_format(update.as_of, "DATE_FORMAT"),
    }
    if current.pk != update.pk:
        params.update(
            current=current.get_status_display(),
            newer=date_format(current.as_of, "DATE_FORMAT"),
        )
        return messages.WARNING, _(
            "%(code)s stays %(current)s: a newer update, dated %(newer)s, still sets the "
            "current status. This one (%(status)s) joins the history at %(date)s."
        ) % params
    text = _("%(code)s is now %(status)s, as of %(date)s.") % params
    if log.filter(as_of=update.as_of).exclude(pk=update.pk).exists():
        text += " " + (
            _(
                "Another update has the same as-of date: of two updates on one day, the one "
                "recorded last (this one) sets the current status."
            )
        )
        return messages.WARNING, text
    return messages.SUCCESS, text


def add_recommendation_url(workshop_ids, *, after_code):
    """The add form with these meetings chosen and the first free code after `after_code`."""
    query = {"raised_at": ",".join(str(pk) for pk in workshop_ids)}
    if code := Recommendation.objects.next_free_code(after_code):
        query["code"] = code
    return reverse("admin:recommendations_recommendation_add") + "?" + urlencode(query)


class ProtectedDeleteMixin:
    """Name the records that block a delete (PROTECT) rather than the link rows between them.

    Django refuses the delete either way (single delete view and bulk action);
    this only makes the refusal page point at what to deal with first. Django
    also counts the protected rows as "needing delete permission" (nobody may
    delete a status update) and would show that instead of the real reason.
    """

    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect(objs)
            protected = [describe(obj) for obj in blocking_records(collector.protected)]
            perms_needed = set()
        return to_delete, counts, perms_needed, protected


class RelatedOnlyFilter(admin.RelatedOnlyFieldListFilter):
    """Only the choices in use, and "none" said in words rather than a bare "-"."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.empty_value_display = _("(none)")
