"""Loading the demo dialogue (demo/dialogue.py) into the database, all or nothing.

Safe to run again: every row is found by its natural key and only written when its
data differs, so a second run writes nothing. Status updates are append-only: one that
is already in the log (same recommendation, as-of date and status) is left alone, a
missing one is recorded through the service so the current status follows the log
exactly as it does for the secretariat.
"""

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone

from recommendations.audit import replace_links
from recommendations.demo import dialogue
from recommendations.models import (
    Attendance,
    Organisation,
    Participant,
    PolicyArea,
    Recommendation,
    Workshop,
)
from recommendations.services import record_status_update


class Loader:
    """Writes the demo data and counts what it created, updated or left unchanged."""

    def __init__(self):
        self.tally = Counter(created=0, updated=0, unchanged=0)

    def upsert(self, model, lookup, values):
        """The row matching `lookup`, created or brought in line with `values`, counted."""
        obj, outcome = _write(model, lookup, values)
        self.tally[outcome] += 1
        return obj

    def load(self):
        areas = {
            row["slug"]: self.upsert(PolicyArea, {"slug": row["slug"]}, _without(row, "slug"))
            for row in dialogue.POLICY_AREAS
        }
        organisations = {
            row["slug"]: self.upsert(Organisation, {"slug": row["slug"]}, _without(row, "slug"))
            for row in dialogue.ORGANISATIONS
        }
        workshops = {}
        for row in dialogue.WORKSHOPS:
            values = _without(row, "slug", "host")
            values["host_id"] = organisations[row["host"]].pk
            workshops[row["slug"]] = self.upsert(Workshop, {"slug": row["slug"]}, values)
        participants = {}
        for row in dialogue.PARTICIPANTS:
            values = _without(row, "email", "organisation")
            values["organisation_id"] = organisations[row["organisation"]].pk
            participants[row["email"]] = self.upsert(Participant, {"email": row["email"]}, values)
        for slug, seats in dialogue.ATTENDANCE.items():
            for email, role in seats:
                self.upsert(
                    Attendance,
                    {"workshop": workshops[slug], "participant": participants[email]},
                    {"role": role},
                )
        for row in dialogue.RECOMMENDATIONS:
            self.load_recommendation(row, areas, workshops, organisations)

    def load_recommendation(self, row, areas, workshops, organisations):
        values = _without(row, "code", "areas", "workshops", "bodies", "history")
        recommendation, outcome = _write(Recommendation, {"code": row["code"]}, values)
        relinked = [
            _link(recommendation, "policy_areas", [areas[slug] for slug in row["areas"]]),
            _link(recommendation, "workshops", [workshops[slug] for slug in row["workshops"]]),
            _link(
                recommendation,
                "responsible_bodies",
                [organisations[slug] for slug in row["bodies"]],
            ),
        ]
        if row["code"] in dialogue.TARGET_DATE_MOVES:
            self.record_target_move(recommendation, *dialogue.TARGET_DATE_MOVES[row["code"]])
        # A recommendation whose only change is to its relations still counts as updated.
        self.tally["updated" if outcome == "unchanged" and any(relinked) else outcome] += 1
        logged = set(recommendation.status_updates.values_list("as_of", "status"))
        for entry in row["history"]:
            if (entry["as_of"], entry["status"]) in logged:
                self.tally["unchanged"] += 1
                continue
            record_status_update(
                recommendation=recommendation,
                status=entry["status"],
                as_of=entry["as_of"],
                summary=entry["summary"],
                summary_ja=entry.get("summary_ja", ""),
                evidence_urls="\n".join(entry.get("evidence", ())),
                private_note=entry.get("note", ""),
            )
            self.tally["created"] += 1

    def record_target_move(self, recommendation, first_target, moved_on):
        """Give the audit trail the target `first_target` and its move to the current one
        on `moved_on`, as two back-dated edits, unless it already holds that target."""
        if recommendation.history.filter(target_date=first_target).exists():
            return
        target = recommendation.target_date
        day_before = moved_on - datetime.timedelta(days=1)
        for day, value in ((day_before, first_target), (moved_on, target)):
            # Noon, back-dated: the edits come before the seeding itself in the trail.
            recommendation._history_date = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(12))
            )
            recommendation.target_date = value
            recommendation.save(update_fields=["target_date"])
        del recommendation._history_date


def _write(model, lookup, values):
    """(row, "created" | "updated" | "unchanged"): only a row whose data differs is saved."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        outcome = "created"
    else:
        changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
        if not changed:
            return obj, "unchanged"
        for name, value in changed.items():
            setattr(obj, name, value)
        outcome = "updated"
    obj.full_clean()
    obj.save()
    return obj, outcome


def _link(recommendation, relation, wanted):
    """Make a many-to-many relation hold exactly `wanted`; True if it had to change.

    Row by row (replace_links), so the demo's links appear in the audit trail too.
    """
    current = getattr(recommendation, relation).values_list("pk", flat=True)
    if set(current) == {obj.pk for obj in wanted}:
        return False
    replace_links(recommendation, relation, wanted)
    return True


def _without(row, *keys):
    return {key: value for key, value in row.items() if key not in keys}


@transaction.atomic
def load_demo():
    """Write the demo dialogue; returns a Counter of rows created, updated and unchanged."""
    loader = Loader()
    loader.load()
    return loader.tally
