"""RecommendationFilter, the one reader of the list's query string, checked against the ORM."""

import datetime

import pytest
from django.http import QueryDict

from recommendations.choices import CLOSED_STATUSES, Lead, Priority, Status
from recommendations.models import Recommendation
from recommendations.public.filters import MAX_PAGE, MAX_QUERY_LENGTH, RecommendationFilter

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 1)


def run(query, today=TODAY):
    filterset = RecommendationFilter(
        QueryDict(query), queryset=Recommendation.objects.published(), today=today
    )
    return filterset


def codes(query):
    return list(run(query).qs.values_list("code", flat=True))


def expected(queryset):
    return list(queryset.published().order_by("code").values_list("code", flat=True))


R = Recommendation.objects


@pytest.mark.parametrize(
    ("query", "orm"),
    [
        ("", lambda: R.all()),
        ("area=energy-security", lambda: R.filter(policy_areas__slug="energy-security")),
        (
            "area=energy-security&area=ai-governance",
            lambda: R.filter(
                policy_areas__slug__in=["energy-security", "ai-governance"]
            ).distinct(),
        ),
        ("status=implemented", lambda: R.filter(status=Status.IMPLEMENTED)),
        (
            "status=implemented&status=proposed",
            lambda: R.filter(status__in=[Status.IMPLEMENTED, Status.PROPOSED]),
        ),
        ("workshop=tokyo-2025", lambda: R.filter(workshops__slug="tokyo-2025")),
        (
            "workshop=tokyo-2025&workshop=canberra-2025",
            lambda: R.filter(workshops__slug__in=["tokyo-2025", "canberra-2025"]).distinct(),
        ),
        ("lead=jp", lambda: R.filter(lead=Lead.JAPAN)),
        ("lead=au&lead=joint", lambda: R.filter(lead__in=[Lead.AUSTRALIA, Lead.JOINT])),
        ("body=meti", lambda: R.filter(responsible_bodies__slug="meti")),
        (
            "body=meti&body=dfat",
            lambda: R.filter(responsible_bodies__slug__in=["meti", "dfat"]).distinct(),
        ),
        ("priority=high", lambda: R.filter(priority=Priority.HIGH)),
        (
            "overdue=1",
            lambda: R.filter(target_date__lt=TODAY).exclude(status__in=CLOSED_STATUSES),
        ),
        ("q=minerals", lambda: R.filter(title__icontains="minerals")),
        ("q=Earlier+public+update", lambda: R.filter(code="AJ-2025-001")),
        ("q=aj-2025-00", lambda: R.filter(code__startswith="AJ-2025-00")),
        # Different parameters AND together.
        (
            "area=energy-security&status=implemented",
            lambda: R.filter(policy_areas__slug="energy-security", status=Status.IMPLEMENTED),
        ),
        (
            "area=critical-minerals&lead=joint&priority=high",
            lambda: R.filter(
                policy_areas__slug="critical-minerals", lead=Lead.JOINT, priority=Priority.HIGH
            ),
        ),
        (
            "body=dfat&overdue=1&workshop=canberra-2025",
            lambda: R.filter(
                responsible_bodies__slug="dfat",
                workshops__slug="canberra-2025",
                target_date__lt=TODAY,
            ).exclude(status__in=CLOSED_STATUSES),
        ),
        (
            "status=implemented&status=not_accepted&lead=jp&lead=au",
            lambda: R.filter(
                status__in=[Status.IMPLEMENTED, Status.NOT_ACCEPTED],
                lead__in=[Lead.JAPAN, Lead.AUSTRALIA],
            ),
        ),
    ],
)
def test_each_parameter_and_combination_matches_the_orm(public_site, query, orm):
    assert codes(query) == expected(orm())


def test_drafts_never_match(public_site):
    assert public_site["draft"].code not in codes("")
    assert codes(f"q={public_site['draft'].code}") == []
    assert codes("q=Draft+update+summary") == []


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("code", lambda r: r.code),
        ("-code", lambda r: tuple(-ord(c) for c in r.code)),
        ("target", lambda r: (r.target_date is None, r.target_date or TODAY, r.code)),
        (
            "-target",
            lambda r: (r.target_date is None, -(r.target_date or TODAY).toordinal(), r.code),
        ),
        (
            "updated",
            lambda r: (r.status_as_of is None, -(r.status_as_of or TODAY).toordinal(), r.code),
        ),
        ("priority", lambda r: ({"high": 1, "medium": 2, "low": 3}[r.priority], r.code)),
    ],
)
def test_sort_orders(public_site, sort, key):
    rows = list(Recommendation.objects.published())
    assert codes(f"sort={sort}") == [r.code for r in sorted(rows, key=key)]


def test_unknown_sort_falls_back_to_code_and_is_reported(public_site):
    filterset = run("sort=nonsense")
    assert filterset.sort_key == "code"
    assert list(filterset.qs.values_list("code", flat=True)) == expected(R.all())
    assert filterset.problems


def test_facet_counts_keep_the_other_filters(public_site):
    counts = run("area=energy-security&status=implemented").facet_counts()
    in_energy = R.published().filter(policy_areas__slug="energy-security")
    implemented = R.published().filter(status=Status.IMPLEMENTED)
    # The status facet leaves status out: counts within the area.
    for status in Status.values:
        assert counts["status"].get(status, 0) == in_energy.filter(status=status).count()
    # The area facet leaves area out: counts among implemented ones.
    for slug in ("critical-minerals", "energy-security", "ai-governance"):
        assert counts["area"].get(slug, 0) == implemented.filter(policy_areas__slug=slug).count()
    both = in_energy.filter(status=Status.IMPLEMENTED)
    for lead in Lead.values:
        assert counts["lead"].get(lead, 0) == both.filter(lead=lead).count()
    for slug in ("dfat", "meti", "csiro"):
        assert counts["body"].get(slug, 0) == both.filter(responsible_bodies__slug=slug).count()
    assert counts["overdue"]["1"] == both.overdue(TODAY).count()


def test_facet_counts_never_count_drafts(public_site):
    counts = run("").facet_counts()
    assert counts["area"]["critical-minerals"] == (
        R.published().filter(policy_areas__slug="critical-minerals").count()
    )
    assert sum(counts["status"].values()) == R.published().count()


def test_body_choices_are_only_bodies_of_published_recommendations(public_site, db):
    from tests.factories import make_organisation, make_recommendation

    hidden = make_organisation(name="Only on a draft", slug="only-on-a-draft")
    make_recommendation(bodies=[hidden], is_published=False)
    assert "only-on-a-draft" not in dict(run("").form.fields["body"].choices)


@pytest.mark.parametrize(
    "query",
    [
        "area=nowhere",
        "status=finished",
        "lead=nz",
        "priority=urgent",
        "workshop=%3Cscript%3E",
        "body=x%00y",
        "overdue=yes",
        "sort=%00",
        "page=abc",
        "page=0",
        "page=-1",
        "page=1e999999",
        "q=%00",
        "q=" + "x" * 5000,
    ],
)
def test_bad_values_are_dropped_and_reported(public_site, query):
    filterset = run(query)
    assert list(filterset.qs.values_list("code", flat=True)) == expected(R.all())
    assert filterset.problems
    # Markup in a note is escaped by the template (tests/public/test_bad_input.py); NUL is dropped here.
    assert all("\x00" not in str(note) for note in filterset.problems)


def test_known_values_survive_next_to_unknown_ones(public_site):
    filterset = run("status=implemented&status=finished")
    assert list(filterset.qs.values_list("code", flat=True)) == expected(
        R.filter(status=Status.IMPLEMENTED)
    )
    assert any("finished" in str(note) for note in filterset.problems)


def test_empty_values_are_not_reported(public_site):
    assert run("q=&status=&area=").problems == []


def test_long_search_is_reported_with_its_limit(public_site):
    (note,) = run("q=" + "x" * (MAX_QUERY_LENGTH + 1)).problems
    assert str(MAX_QUERY_LENGTH) in str(note)


def test_page_is_a_bounded_whole_number(public_site):
    assert run("page=3").page_number == 3
    assert run(f"page={MAX_PAGE + 1}").page_number == 1
    assert run("page=2.5").page_number == 1


def test_active_lists_every_value_in_force_with_its_label(public_site):
    chips = run("status=implemented&area=energy-security&q=grid&overdue=1&sort=-code").active()
    assert ("status", "implemented", "Implemented") in chips
    assert ("area", "energy-security", "Energy security") in chips
    assert ("q", "grid", "grid") in chips
    assert ("overdue", "1", "Overdue only") in chips
    assert all(name != "sort" for name, _, _ in chips)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=implemented&lead=jp",
        "overdue=1&priority=high&priority=medium",
        "area=critical-minerals&body=dfat&lead=au&lead=joint&q=minerals",
        "workshop=tokyo-2025&status=in_progress&status=partially_implemented&overdue=1",
        # Two link facets in force: each counts over its own rows (two WITH subqueries).
        "area=critical-minerals&workshop=tokyo-2025&lead=jp",
        "as_of=2025-12-31",
        "as_of=2025-12-31&area=critical-minerals&status=in_progress",
    ],
)
def test_every_facet_count_is_what_choosing_it_would_give(public_site, query):
    """By definition: the count beside a choice = results with that facet set to that choice."""
    filterset = run(query)
    counts = filterset.facet_counts()
    assert filterset.total_count == filterset.qs.count()
    given = QueryDict(query, mutable=True)
    for name in ("area", "status", "workshop", "lead", "body", "priority", "overdue"):
        for value, _label in filterset.form.fields[name].choices:
            if not value:  # the "no choice" entry of the overdue select
                continue
            changed = given.copy()
            changed.setlist(name, [value])
            assert counts[name].get(value, 0) == run(changed.urlencode()).qs.count(), (name, value)


def test_search_found_once_and_reused_gives_what_searching_directly_gives(public_site):
    for query in ("q=recommendation", "q=minerals&status=in_progress", "q=public+summary&lead=jp"):
        filterset = run(query)
        counts = filterset.facet_counts()
        search = QueryDict(query)["q"]
        expected_qs = run(query.replace(f"q={search.replace(' ', '+')}", "")).qs.search(search)
        assert list(filterset.qs.values_list("code", flat=True)) == list(
            expected_qs.values_list("code", flat=True)
        )
        assert filterset.total_count == expected_qs.count()
        assert (
            sum(counts["lead"].values())
            == R.published()
            .search(search)
            .filter(**({"status": "in_progress"} if "status" in query else {}))
            .count()
        )
