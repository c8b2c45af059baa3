"""What each record looks like in the API: public fields only, text in the answer's language.

Every serializer names its fields one by one (never `fields = "__all__"`): a column added
to a model later, a private note say, cannot reach the API without someone writing it here.
Bilingual text is the field in the answer's language where written, else the other
language's (recommendations.bilingual); codes come with their label beside them
(`status`, `status_label`), so a table of results needs no lookup.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from recommendations.choices import Status


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """The absolute address of the record (`where`="api") or of its public page ("page"),
    from the answer's Links (links.py); `key` names the attribute in the address."""

    def __init__(self, route, *, where="api", key="slug", kind="str", fragment=None, **kwargs):
        self.route, self.where, self.key, self.kind = route, where, key, kind
        self.fragment = fragment  # (prefix, attribute): "#update-<pk>"
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        links = self.context["links"]
        make = links.api if self.where == "api" else links.page
        url = make(self.route, _attribute(value, self.key), kind=self.kind)
        if self.fragment:
            prefix, attribute = self.fragment
            url += f"#{prefix}-{_attribute(value, attribute)}"
        return url


def _attribute(obj, dotted):
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


@extend_schema_field(OpenApiTypes.URI)
class FilteredListField(serializers.Field):
    """The API's list of recommendations filtered to this record (e.g. ?area=<slug>), on
    the day the answer shows (`day_shown` in the context) if not today."""

    def __init__(self, parameter, **kwargs):
        self.parameter = parameter
        super().__init__(source="slug", read_only=True, **kwargs)

    def to_representation(self, value):
        day = self.context.get("day_shown")
        return self.context["links"].filtered_list(self.parameter, value, day)


def localized_text(source, help_text, **kwargs):
    return serializers.CharField(source=source, help_text=help_text, **kwargs)


# -- references from one record to another ------------------------------------------------


class AreaReference(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("Policy-area slug: the value of ?area=."))
    name = localized_text("localized.name", _("Name of the policy area."))
    url = LinkField("area-detail", help_text=_("The policy area in this API."))


class BodyReference(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("Organisation slug: the value of ?body=."))
    name = localized_text("localized.name", _("Full name of the organisation."))
    url = LinkField("body-detail", help_text=_("The responsible body in this API."))


class WorkshopReference(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("Meeting slug: the value of ?workshop=."))
    name = localized_text("localized.title", _("Title of the meeting."))
    start_date = serializers.DateField(help_text=_("First day of the meeting."))
    url = LinkField("workshop-detail", help_text=_("The meeting in this API."))


class RecommendationReference(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stable public code, e.g. AJ-2025-014."))
    title = localized_text("localized.title", _("Title of the recommendation."))
    url = LinkField(
        "recommendation-detail", key="code", help_text=_("The recommendation in this API.")
    )
    html_url = LinkField(
        "recommendation_detail", where="page", key="code", help_text=_("Its public page.")
    )


# -- recommendations ----------------------------------------------------------------------


class RecommendationSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stable public code, e.g. AJ-2025-014."))
    title = localized_text("localized.title", _("Title."))
    text = localized_text("localized.text", _("Full text of the recommendation."))
    rationale = localized_text("localized.rationale", _("Why it was recommended (may be empty)."))
    status = serializers.ChoiceField(
        choices=Status.choices,
        help_text=_("Current status; with as_of, the status it had at the end of that day."),
    )
    status_label = localized_text("get_status_display", _("The status in words."))
    status_as_of = serializers.DateField(
        allow_null=True, help_text=_("Date the status took effect (null before any update).")
    )
    lead = serializers.CharField(help_text=_("Lead side: au, jp or joint."))
    lead_label = localized_text("get_lead_display", _("The lead side in words."))
    priority = serializers.CharField(help_text=_("high, medium or low."))
    priority_label = localized_text("get_priority_display", _("The priority in words."))
    target_date = serializers.DateField(allow_null=True, help_text=_("Target date, if set."))
    overdue = serializers.BooleanField(
        source="is_overdue",
        help_text=_(
            "The target date has passed and the recommendation is neither implemented nor "
            "not accepted (with as_of: judged on that day)."
        ),
    )
    policy_areas = AreaReference(many=True, source="policy_areas.all")
    responsible_bodies = BodyReference(many=True, source="responsible_bodies.all")
    workshops = WorkshopReference(
        many=True, source="workshops.all", help_text=_("The meetings where it was raised.")
    )
    url = LinkField("recommendation-detail", key="code", help_text=_("This record in the API."))
    html_url = LinkField(
        "recommendation_detail", where="page", key="code", help_text=_("Its public page.")
    )


class TimelineEntrySerializer(serializers.Serializer):
    """One entry of the public timeline: a status update, or a target date moved later."""

    kind = serializers.ChoiceField(
        choices=[("update", "update"), ("slip", "slip")],
        help_text=_('"update": a status update; "slip": the target date was moved later.'),
    )
    date = serializers.DateField(
        help_text=_("An update's as-of date, or the day a slip was recorded.")
    )
    id = serializers.IntegerField(allow_null=True, help_text=_("The status update's id."))
    status = serializers.ChoiceField(choices=Status.choices, allow_null=True)
    status_label = serializers.CharField(allow_null=True)
    moved_back_from = serializers.ChoiceField(
        choices=Status.choices,
        allow_null=True,
        help_text=_("The status this update stepped back down the ladder from, if it did."),
    )
    summary = serializers.CharField(allow_null=True, help_text=_("Public summary."))
    evidence = serializers.ListField(
        child=serializers.URLField(), allow_null=True, help_text=_("Evidence links.")
    )
    previous_target = serializers.DateField(
        allow_null=True, help_text=_("A slip's target date before the change.")
    )
    target = serializers.DateField(
        allow_null=True, help_text=_("A slip's target date after the change.")
    )
    url = serializers.URLField(allow_null=True, help_text=_("The status update in this API."))


class RecommendationDetailSerializer(RecommendationSerializer):
    timeline = TimelineEntrySerializer(
        many=True,
        help_text=_("Public timeline, newest first: status updates and target dates moved later."),
    )


# -- progress roll-ups --------------------------------------------------------------------


class StatusCountsSerializer(serializers.Serializer):
    """One count per status on the ladder."""

    def get_fields(self):
        return {value: serializers.IntegerField(help_text=label) for value, label in Status.choices}


class ProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text=_("Published recommendations."))
    completion = serializers.FloatField(
        source="share",
        help_text=_("Completion share in percent (0-100), weighting each status."),
    )
    overdue = serializers.IntegerField(help_text=_("How many are overdue."))
    slipped = serializers.IntegerField(help_text=_("How many had their target date moved later."))
    by_status = StatusCountsSerializer(source="counts", help_text=_("Counts by status."))


# -- the vocabularies ---------------------------------------------------------------------


class AreaSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("Policy-area slug: the value of ?area=."))
    name = localized_text("localized.name", _("Name."))
    description = localized_text("localized.description", _("Description (may be empty)."))
    progress = ProgressSerializer(
        help_text=_("Its published recommendations by status (with as_of, on that day).")
    )
    recommendations_url = FilteredListField("area")
    url = LinkField("area-detail", help_text=_("This record in the API."))
    html_url = LinkField("area_detail", where="page", help_text=_("Its public page."))


class BodySerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("Organisation slug: the value of ?body=."))
    name = localized_text("localized.name", _("Full name."))
    short_name = localized_text("localized.short_name", _("Short name (may be empty)."))
    country = serializers.CharField(help_text=_("au, jp or other."))
    country_label = localized_text("get_country_display", _("The country in words."))
    progress = ProgressSerializer(
        help_text=_("Recommendations addressed to it, by status (with as_of, on that day).")
    )
    recommendations_url = FilteredListField("body")
    url = LinkField("body-detail", help_text=_("This record in the API."))
    html_url = LinkField("body_detail", where="page", help_text=_("Its public page."))


class HostSerializer(serializers.Serializer):
    name = localized_text("localized.name", _("Name of the host organisation."))


class WorkshopSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("Meeting slug: the value of ?workshop=."))
    kind = serializers.CharField(help_text=_("workshop, private_consultation or roundtable."))
    kind_label = localized_text("get_kind_display", _("The kind of meeting in words."))
    title = localized_text("localized.title", _("Title."))
    city = serializers.CharField(help_text=_("City."))
    country = serializers.CharField(help_text=_("au, jp or other."))
    country_label = localized_text("get_country_display", _("The country in words."))
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    host = HostSerializer(allow_null=True, help_text=_("Host organisation, if recorded."))
    summary = localized_text("localized.summary", _("Public summary (may be empty)."))
    recommendation_count = serializers.IntegerField(
        source="published_count", help_text=_("Published recommendations raised here.")
    )
    recommendations_url = FilteredListField("workshop")
    url = LinkField("workshop-detail", help_text=_("This record in the API."))
    html_url = LinkField("workshop_detail", where="page", help_text=_("Its public page."))


# -- the status-update log ----------------------------------------------------------------


class StatusUpdateSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Stable id of the update."))
    recommendation = RecommendationReference()
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = localized_text("get_status_display", _("The status in words."))
    as_of = serializers.DateField(help_text=_("Date the status took effect."))
    recorded_at = serializers.DateTimeField(
        help_text=_("When it was entered (may be later than as_of).")
    )
    summary = localized_text("localized.summary", _("Public summary (may be empty)."))
    evidence = serializers.ListField(
        child=serializers.URLField(), source="evidence_links", help_text=_("Evidence links.")
    )
    url = LinkField("status-update-detail", key="pk", kind="int", help_text=_("This record."))
    html_url = LinkField(
        "recommendation_detail",
        where="page",
        key="recommendation.code",
        fragment=("update", "pk"),
        help_text=_("The update on its recommendation's public page."),
    )
