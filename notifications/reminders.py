"""The weekly chase list: recommendations whose target date is near or has passed while
the work is still open, grouped by responsible body."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from recommendations.bilingual import pick
from recommendations.choices import CLOSED_STATUSES, Status
from recommendations.models import Recommendation, ResponsibleBody

from .messages import absolute

# A body with hundreds of overdue recommendations gets the first ones and a link to all.
ROWS_PER_BODY = 50


@dataclass
class ChaseRow:
    pk: int
    code: str
    title: str
    title_ja: str
    status: str
    target_date: datetime.date
    is_published: bool
    overdue: bool

    @property
    def title_shown(self):
        # In the language being written (the reminder is rendered once per language).
        return pick(self.title, self.title_ja)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def page_url(self):
        # Only a published recommendation has a public page; a draft has only its admin.
        if not self.is_published:
            return ""
        return absolute(reverse("recommendations:recommendation_detail", args=[self.code]))

    @property
    def admin_url(self):
        return absolute(reverse("admin:recommendations_recommendation_change", args=[self.pk]))


@dataclass
class ChaseGroup:
    name: str
    rows: list
    more: int
    list_url: str


class ChaseList:
    """Open recommendations with a target date on or before `today + days`."""

    def __init__(self, today, *, include_drafts, body=None, days=None):
        self.today = today
        self.days = settings.NOTIFICATIONS_REMINDER_DAYS_AHEAD if days is None else days
        self.body = body
        recommendations = Recommendation.objects.filter(
            target_date__lte=today + datetime.timedelta(days=self.days)
        ).exclude(status__in=CLOSED_STATUSES)
        if not include_drafts:
            recommendations = recommendations.published()
        if body is not None:
            recommendations = recommendations.filter(responsible_bodies=body)
        # Two queries, however long the list: the rows, then who each is addressed to.
        self.rows = [
            ChaseRow(**row, overdue=row["target_date"] < today)
            for row in recommendations.order_by("target_date", "code").values(
                "pk", "code", "title", "title_ja", "status", "target_date", "is_published"
            )
        ]
        self.bodies = defaultdict(list)
        links = ResponsibleBody.objects.filter(
            recommendation__in=recommendations.values("pk")
        ).values_list(
            "recommendation_id",
            "organisation__slug",
            "organisation__name",
            "organisation__name_ja",
        )
        for recommendation_id, slug, name, name_ja in links.order_by("organisation__name"):
            self.bodies[recommendation_id].append((slug, name, name_ja))
        self.overdue_count = sum(row.overdue for row in self.rows)
        self.due_count = len(self.rows) - self.overdue_count

    def __bool__(self):
        return bool(self.rows)

    def groups(self, language):
        """[ChaseGroup] by body, in `language`; a recommendation addressed to no body yet
        comes last under its own heading."""
        with translation.override(language):
            unassigned = translation.gettext("No responsible body recorded")
            by_body, names = defaultdict(list), {}
            for row in self.rows:
                for slug, name, name_ja in self.bodies.get(row.pk) or [("", unassigned, "")]:
                    names[slug] = pick(name, name_ja, language)
                    by_body[slug].append(row)
            order = sorted(by_body, key=lambda slug: (slug == "", names[slug].casefold()))
            list_path = reverse("recommendations:recommendation_list")
            return [
                ChaseGroup(
                    name=names[slug],
                    rows=by_body[slug][:ROWS_PER_BODY],
                    more=max(0, len(by_body[slug]) - ROWS_PER_BODY),
                    list_url=absolute(f"{list_path}?body={slug}&sort=target") if slug else "",
                )
                for slug in order
            ]
