import re
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from recommendations.choices import Lead, Role, Status
from recommendations.demo import dialogue
from recommendations.models import (
    Attendance,
    Participant,
    PolicyArea,
    Recommendation,
    RecommendationArea,
    StatusUpdate,
    Workshop,
)
from tests.factories import forget_kept_demo, load_demo, make_area, make_recommendation

pytestmark = pytest.mark.django_db

# The demo data is fixed; this is the "today" it was written for.
DEMO_TODAY = date(2026, 11, 27)


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every model of the app, as plain values ordered by primary key."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("recommendations").get_models()
    }


@pytest.fixture
def seeded():
    # The command's rows (proven the same below): the command itself is tested above.
    load_demo()


def test_second_run_changes_nothing():
    first_output = seed()
    before = snapshot()
    update_ids = list(StatusUpdate.objects.order_by("pk").values_list("pk", flat=True))

    second_output = seed()

    assert snapshot() == before
    assert list(StatusUpdate.objects.order_by("pk").values_list("pk", flat=True)) == update_ids
    assert re.match(r"Demo data: \d+ created, 0 updated, 0 unchanged \(", first_output)
    assert re.match(r"Demo data: 0 created, 0 updated, \d+ unchanged \(", second_output)


def test_output_is_one_line_with_totals():
    output = seed()

    assert output.count("\n") == 1
    assert "7 policy areas" in output
    assert f"{len(dialogue.RECOMMENDATIONS)} recommendations" in output
    assert f"{StatusUpdate.objects.count()} status updates" in output


def test_run_repairs_a_changed_row_and_its_links(seeded):
    recommendation = Recommendation.objects.get(code="AJ-2025-001")
    recommendation.title = "Edited by hand"
    recommendation.save()
    recommendation.policy_areas.clear()

    output = seed()

    recommendation.refresh_from_db()
    assert recommendation.title == dialogue.RECOMMENDATIONS[0]["title"]
    assert set(recommendation.policy_areas.values_list("slug", flat=True)) == {
        "critical-minerals",
        "supply-chains",
    }
    assert "0 created, 1 updated" in output


def test_a_failing_load_writes_nothing(monkeypatch):
    broken = {**dialogue.RECOMMENDATIONS[-1], "code": "AJ-2025-999", "lead": "nowhere"}
    monkeypatch.setattr(dialogue, "RECOMMENDATIONS", [*dialogue.RECOMMENDATIONS, broken])
    # Only what the migrations wrote (the trend steps' one sync row) is there before.
    before = snapshot()

    with pytest.raises(ValidationError):
        seed()

    assert snapshot() == before
    assert not any(rows for label, rows in before.items() if label != "recommendations.TrendSync")


def test_sizes_match_the_brief(seeded):
    assert 30 <= Recommendation.objects.count() <= 40
    assert 15 <= Participant.objects.count() <= 20
    assert 3 <= Recommendation.objects.drafts().count() <= 5
    assert list(PolicyArea.objects.values_list("slug", flat=True)) == [
        "energy-security",
        "clean-energy-technology",
        "ai-governance",
        "critical-minerals",
        "critical-infrastructure-protection",
        "supply-chains",
        "economic-coercion",
    ]
    codes = list(Recommendation.objects.values_list("code", flat=True))
    assert codes == [f"AJ-2025-{n:03d}" for n in range(1, len(codes) + 1)]


def test_meetings_are_the_first_half_of_2025_in_both_countries(seeded):
    workshops = Workshop.objects.all()

    assert {w.city for w in workshops.filter(kind="workshop")} == {"Canberra", "Tokyo"}
    assert {w.kind for w in workshops} == {"workshop", "private_consultation", "roundtable"}
    assert all(
        date(2025, 1, 1) <= w.start_date <= w.end_date <= date(2025, 6, 30) for w in workshops
    )
    assert all(w.summary and w.private_notes for w in workshops)


def test_history_covers_every_status_and_current_status_is_the_latest(seeded):
    assert set(Recommendation.objects.values_list("status", flat=True)) == set(Status.values)
    assert set(StatusUpdate.objects.values_list("status", flat=True)) == set(Status.values)
    for recommendation in Recommendation.objects.prefetch_related("status_updates"):
        latest = max(recommendation.status_updates.all(), key=lambda u: u.as_of)
        assert (recommendation.status, recommendation.status_as_of) == (
            latest.status,
            latest.as_of,
        )


def test_updates_are_dated_from_mid_2025_and_never_after_the_demo_date(seeded):
    dates = list(StatusUpdate.objects.values_list("as_of", flat=True))

    assert min(dates) >= date(2025, 6, 1)
    assert max(dates) <= DEMO_TODAY
    assert StatusUpdate.objects.exclude(evidence_urls="").exists()
    assert StatusUpdate.objects.exclude(private_note="").exists()


def test_published_recommendations_span_every_area_and_both_sides(seeded):
    published = Recommendation.objects.published()

    for area in PolicyArea.objects.all():
        assert published.in_area(area.slug).exists(), area.slug
    for lead in Lead.values:
        assert published.filter(lead=lead).count() >= 10, lead
    for recommendation in published.prefetch_related(
        "policy_areas", "workshops", "responsible_bodies"
    ):
        assert 1 <= len(recommendation.policy_areas.all()) <= 3
        assert recommendation.workshops.all()
        assert recommendation.responsible_bodies.all()


def test_some_published_recommendations_are_overdue(seeded):
    overdue = Recommendation.objects.published().overdue(DEMO_TODAY)

    assert overdue.count() >= 3
    assert {r.status for r in overdue} >= {Status.PROPOSED, Status.IN_PROGRESS}


def test_attendance_uses_every_role_and_participants_are_fictional(seeded):
    assert set(Attendance.objects.values_list("role", flat=True)) == set(Role.values)
    assert Participant.objects.exclude(notes="").exists()
    for email in Participant.objects.values_list("email", flat=True):
        assert email.endswith(("@example.org", "@example.jp")), email


def test_japanese_text_is_searchable(seeded):
    found = Recommendation.objects.published().search("覚書")

    assert list(found.values_list("code", flat=True)) == ["AJ-2025-005"]


def test_no_participant_name_appears_in_public_text(seeded):
    names = [p.name.split(" (")[0] for p in Participant.objects.all()]
    public_text = " ".join(
        [*Workshop.objects.values_list("summary", flat=True)]
        + [
            " ".join(row)
            for row in Recommendation.objects.values_list("title", "text", "rationale")
        ]
        + [*StatusUpdate.objects.values_list("summary", flat=True)]
    )

    for name in names:
        assert name.split()[-1] not in public_text, name


def test_demo_links_reach_the_audit_trail():
    call_command("seed_demo", stdout=StringIO())
    links = RecommendationArea.objects.count()
    assert links
    assert RecommendationArea.history.filter(history_type="+").count() == links


def _recent_times_blurred(rows):
    """`snapshot()` with every time written in the last day as one value: two loads a few
    seconds apart stamp their rows (created, updated, recorded) each with its own now."""
    cutoff = timezone.now() - timedelta(days=1)
    return {
        label: [
            {k: "recent" if isinstance(v, datetime) and v > cutoff else v for k, v in row.items()}
            for row in table
        ]
        for label, table in rows.items()
    }


def rewind_to(savepoint):
    """Roll back to `savepoint`, sequences too (PostgreSQL's do not roll back), so the next
    load numbers its rows from where the first one did."""
    from django.core.management.color import no_style
    from django.db import connection

    transaction.savepoint_rollback(savepoint)
    models = list(apps.get_app_config("recommendations").get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def test_the_quick_demo_load_writes_what_the_command_writes():
    start = transaction.savepoint()
    rewind_to(start)
    forget_kept_demo()
    load_demo()  # the first load in a process runs the command and keeps its rows
    rewind_to(start)
    seed()
    by_command = snapshot()
    rewind_to(start)

    load_demo()

    assert _recent_times_blurred(snapshot()) == _recent_times_blurred(by_command)
    # The tables' sequences moved past the rows written back: new records get new keys.
    make_recommendation(code="AJ-2099-001", areas=[make_area()], status=Status.IN_PROGRESS)
