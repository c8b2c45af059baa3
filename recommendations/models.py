from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.audit import AuditedHistory
from recommendations.bilingual import BilingualMixin, pick
from recommendations.choices import (
    Country,
    Lead,
    Priority,
    Role,
    Sector,
    Status,
    WorkshopKind,
    is_overdue,
)
from recommendations.querysets import RecommendationQuerySet, StatusUpdateQuerySet

code_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{1,38}[A-Z0-9]$",
    _("Use capital letters, digits and hyphens, e.g. AJ-2025-014."),
    code="invalid_code",
)


def one_of(field, choices):
    """A database CHECK that `field` holds one of the choice values, named after the field."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}),
        name=f"%(app_label)s_%(class)s_{field}_valid",
    )


class PolicyArea(BilingualMixin, models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_ja = models.CharField(_("name (Japanese)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    # Audit trail (django-simple-history, see audit.py) on every model the secretariat edits, the
    # through models included so a change of areas, meetings or bodies is recorded too:
    # each create, change and delete, with who and when, kept after the row is deleted.
    history = AuditedHistory()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("recommendations:area_detail", args=[self.slug])


class Organisation(BilingualMixin, models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    short_name_ja = models.CharField(_("short name (Japanese)"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    # Where the weekly chase list of this body's target dates goes (notifications/), if
    # anywhere: a shared office address, never shown on the public site.
    reminder_email = models.EmailField(
        _("reminder address"),
        blank=True,
        help_text=_(
            "Optional. A weekly email lists this body's published recommendations whose "
            "target date is near or has passed. Never shown publicly."
        ),
    )

    history = AuditedHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [one_of("country", Country), one_of("sector", Sector)]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Public only while a published recommendation is addressed to it (selectors.public_bodies).
        return reverse("recommendations:body_detail", args=[self.slug])

    @property
    def label(self):
        """The short form where there is one, in the page's language where it has one."""
        return pick(self.short_name or self.name, self.short_name_ja or self.name_ja)


class Workshop(BilingualMixin, models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=WorkshopKind.choices)
    title = models.CharField(_("title"), max_length=200)
    title_ja = models.CharField(_("title (Japanese)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    city = models.CharField(_("city"), max_length=80)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="hosted_workshops",
        null=True,
        blank=True,
    )
    summary = models.TextField(_("public summary"), blank=True)
    summary_ja = models.TextField(_("public summary (Japanese)"), blank=True)
    private_notes = models.TextField(
        _("private notes"), blank=True, help_text=_("Secretariat only; never shown publicly.")
    )

    history = AuditedHistory()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            one_of("kind", WorkshopKind),
            one_of("country", Country),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_date:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("recommendations:workshop_detail", args=[self.slug])


class Participant(models.Model):
    """A person who attended a meeting. Chatham House Rule: never shown to the public."""

    name = models.CharField(_("name"), max_length=160)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participants",
        null=True,
        blank=True,
    )
    email = models.EmailField(_("email"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    workshops = models.ManyToManyField(Workshop, through="Attendance", related_name="participants")

    history = AuditedHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.name


class Attendance(models.Model):
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="attendance"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    role = models.CharField(
        _("role"), max_length=16, choices=Role.choices, default=Role.PARTICIPANT
    )

    history = AuditedHistory()

    class Meta:
        ordering = ["workshop", "participant"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            one_of("role", Role),
            models.UniqueConstraint(
                fields=["workshop", "participant"], name="%(app_label)s_%(class)s_once_per_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.participant} at {self.workshop} ({self.get_role_display()})"


class Recommendation(BilingualMixin, models.Model):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[code_validator],
        help_text=_("Stable public reference, e.g. AJ-2025-014. Never reuse a code."),
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("full text"))
    rationale = models.TextField(_("rationale"), blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    text_ja = models.TextField(_("full text (Japanese)"), blank=True)
    rationale_ja = models.TextField(_("rationale (Japanese)"), blank=True)
    policy_areas = models.ManyToManyField(
        PolicyArea,
        through="RecommendationArea",
        related_name="recommendations",
        verbose_name=_("policy areas"),
    )
    workshops = models.ManyToManyField(
        Workshop,
        through="RaisedAt",
        related_name="recommendations",
        verbose_name=_("raised at"),
    )
    responsible_bodies = models.ManyToManyField(
        Organisation,
        through="ResponsibleBody",
        related_name="recommendations",
        verbose_name=_("responsible bodies"),
    )
    lead = models.CharField(_("lead side"), max_length=8, choices=Lead.choices)
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.MEDIUM
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published recommendations are public.")
    )
    # Denormalised from the latest status update (by as-of date) so lists can
    # filter and sort on it; services.record_status_update keeps it in step.
    status = models.CharField(
        _("current status"), max_length=24, choices=Status.choices, default=Status.PROPOSED
    )
    status_as_of = models.DateField(_("status as of"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Optimistic locking (see locking.py): every edit of the recommendation's own fields
    # bumps it, so a form opened on an older version cannot silently overwrite a newer one.
    # Status updates only append to the log and leave it alone.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    # What an officer writes on the recommendation itself (its links, status and log are
    # edited apart): the admin's form and the first columns of the staff export.
    OWN_FIELDS = (
        "code",
        "title",
        "title_ja",
        "text",
        "text_ja",
        "rationale",
        "rationale_ja",
        "lead",
        "priority",
        "target_date",
        "is_published",
    )

    objects = RecommendationQuerySet.as_manager()

    history = AuditedHistory()

    class Meta:
        ordering = ["code"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [one_of("lead", Lead), one_of("priority", Priority), one_of("status", Status)]
        indexes = [
            # Every column a public facet count or filter reads, so PostgreSQL can count
            # 100,000 recommendations from this index without reading the wide rows; the
            # date of the current status too, which tells a page on a past date whether
            # it must look the status then up in the log (querysets.standing_on).
            # (INCLUDE is PostgreSQL's; SQLite builds the index without it.)
            models.Index(
                fields=["is_published", "status", "lead", "priority", "target_date", "id"],
                include=["status_as_of"],
                name="recommendation_facets",
            ),
            models.Index(fields=["target_date"]),
            models.Index(fields=["status_as_of"]),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("recommendations:recommendation_detail", args=[self.code])

    # The day a page shows this recommendation as it stood (listing.show_as_it_stood):
    # overdue is then judged against that day.
    day_shown = None

    def is_overdue(self, today=None):
        today = today or self.day_shown or timezone.localdate()
        return is_overdue(self.target_date, self.status, today)


class RecommendationArea(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE)
    # PROTECT: removing an area must not silently strip recommendations of it.
    area = models.ForeignKey(PolicyArea, verbose_name=_("policy area"), on_delete=models.PROTECT)

    history = AuditedHistory()

    class Meta:
        # Not plain "policy area": the audit trail lists this beside PolicyArea's history.
        verbose_name = _("policy area of a recommendation")
        verbose_name_plural = _("policy areas of recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "area"], name="%(app_label)s_%(class)s_unique"
            )
        ]

    def __str__(self):
        return str(self.area)


class RaisedAt(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE)
    # PROTECT: a meeting that produced recommendations is part of the record.
    workshop = models.ForeignKey(Workshop, verbose_name=_("workshop"), on_delete=models.PROTECT)

    history = AuditedHistory()

    class Meta:
        verbose_name = _("raised at")
        verbose_name_plural = _("raised at")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "workshop"], name="%(app_label)s_%(class)s_unique"
            )
        ]

    def __str__(self):
        return str(self.workshop)


class ResponsibleBody(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE)
    # PROTECT: who a recommendation was addressed to is part of the record.
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT
    )

    history = AuditedHistory()

    class Meta:
        verbose_name = _("responsible body")
        verbose_name_plural = _("responsible bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "organisation"], name="%(app_label)s_%(class)s_unique"
            )
        ]

    def __str__(self):
        return str(self.organisation)


WEB_SCHEMES = ("http", "https")


def validate_evidence_urls(value):
    validate = URLValidator(schemes=list(WEB_SCHEMES))
    for number, line in enumerate(value.splitlines(), start=1):
        if line.strip():
            try:
                validate(line.strip())
            except ValidationError:
                raise ValidationError(
                    _("Line %(line)s is not a web address (http or https)."),
                    code="invalid_evidence_url",
                    params={"line": number},
                ) from None


class StatusUpdate(BilingualMixin, models.Model):
    """One dated entry of a recommendation's append-only implementation log."""

    # PROTECT: a recommendation with a recorded history cannot be deleted.
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="status_updates",
    )
    status = models.CharField(_("status"), max_length=24, choices=Status.choices)
    as_of = models.DateField(_("as of"))
    summary = models.TextField(_("public summary"), blank=True)
    summary_ja = models.TextField(_("public summary (Japanese)"), blank=True)
    evidence_urls = models.TextField(
        _("evidence links"),
        blank=True,
        validators=[validate_evidence_urls],
        help_text=_("One web address per line."),
    )
    private_note = models.TextField(
        _("private note"), blank=True, help_text=_("Secretariat only; never shown publicly.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    # What the person recording an update writes (who and when are added for them).
    ENTRY_FIELDS = ("status", "as_of", "summary", "summary_ja", "evidence_urls", "private_note")

    objects = StatusUpdateQuerySet.as_manager()

    history = AuditedHistory()

    class Meta:
        ordering = ["-as_of", "-recorded_at", "-pk"]
        get_latest_by = ["as_of", "recorded_at", "pk"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        constraints = [one_of("status", Status)]
        indexes = [
            # A recommendation's log in the order that decides its status (get_latest_by):
            # its status on a past date is the first entry found from that date down,
            # read from the index alone.
            models.Index(
                fields=["recommendation", "-as_of", "-recorded_at", "-id"],
                include=["status"],
                name="statusupdate_log_order",
            ),
            # The log newest first across recommendations: the latest updates on a past
            # date, and the updates of a reporting period.
            models.Index(
                fields=["-as_of", "-recorded_at", "-id"], name="statusupdate_newest_first"
            ),
            # By time of recording: the updates since the last email digest, and the API's
            # incremental sync (status-updates/?sort=recorded&recorded_from=…).
            models.Index(fields=["recorded_at", "id"], name="statusupdate_recorded"),
        ]

    def __str__(self):
        return f"{self.recommendation.code}: {self.get_status_display()} as of {self.as_of}"

    @property
    def evidence_links(self):
        """The evidence addresses safe to link: http(s) only, whatever reached the database.

        The field's validator refuses anything else on every form, import and service
        write; a row written around them (raw ORM, a restore) is still never a live link.
        """
        links = (line.strip() for line in self.evidence_urls.splitlines())
        return [link for link in links if urlsplit(link).scheme.lower() in WEB_SCHEMES]


# -- the monthly trend, kept up to date (recommendations/reporting/trend_steps.py) --------------------------


class TrendStep(models.Model):
    """In one scope (a lead side, an area, a body), how many published recommendations
    took on (+) or left (-) a status in a month, by their status log. The running sum of
    a scope's steps is its count by status at each month's end: the trend charts read
    a few hundred of these rows instead of the whole log."""

    scope = models.CharField(max_length=40)
    # A status value as the log holds it (checked there): no choices of its own here.
    status = models.CharField(max_length=24)
    month = models.DateField()
    delta = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "status", "month"], name="trend_step_key")
        ]

    def __str__(self):
        return f"{self.scope} {self.status} {self.month:%Y-%m}: {self.delta:+d}"


class TrendContribution(models.Model):
    """What one recommendation adds to the steps (and to which scopes), so that when it
    changes its old share can be taken out before the new one goes in."""

    # A plain number, not a foreign key: the share outlives nothing, and a deleted draft
    # (which never had a share) needs no cascade.
    recommendation_id = models.PositiveIntegerField(primary_key=True)
    scopes = models.JSONField(default=list)
    steps = models.JSONField(default=list)

    def __str__(self):
        return f"trend share of recommendation {self.recommendation_id}"


class TrendSync(models.Model):
    """The one row saying up to which audit row the steps are up to date ({} = never)."""

    seen = models.JSONField(default=dict)

    def __str__(self):
        return f"trend steps up to {self.seen}"
