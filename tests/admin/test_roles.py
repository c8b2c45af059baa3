"""Who may do what in the admin: every role against every admin page and action.

Roles: anonymous; staff outside any group; Reviewer (read-only staff: sees drafts and the
audit trail, changes nothing); Secretariat (everything the work needs); superuser.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from recommendations.admin.history import AUDITED_MODELS
from recommendations.audit import replace_links
from recommendations.models import (
    Organisation,
    Participant,
    PolicyArea,
    Recommendation,
    StatusUpdate,
    Workshop,
)
from tests.factories import make_area, make_one_of_each, make_organisation, make_workshop

pytestmark = pytest.mark.django_db

EDITED = (Recommendation, StatusUpdate, Workshop, Organisation, Participant, PolicyArea)
HISTORICAL = tuple(model.history.model for model in AUDITED_MODELS)
ROLES = ("anonymous", "staff", "reviewer", "secretariat", "superuser")


@pytest.fixture
def one_of_each_draft():
    objects = make_one_of_each()
    Recommendation.objects.update(is_published=False)  # a draft: reviewers see drafts too
    # Links saved row by row (as the admin and the import do), so each has a history.
    replace_links(objects[Recommendation], "policy_areas", [make_area()])
    replace_links(objects[Recommendation], "workshops", [make_workshop()])
    replace_links(objects[Recommendation], "responsible_bodies", [make_organisation()])
    return objects


# Each role's client: the personas of tests/conftest.py ("staff" is the outsider, staff in
# no group).
ROLE_CLIENTS = {
    "anonymous": "anonymous",
    "staff": "outsider_client",
    "reviewer": "reviewer_client",
    "secretariat": "officer_client",
    "superuser": "superuser_client",
}


@pytest.fixture
def as_role(request):
    def client_for(role):
        return request.getfixturevalue(ROLE_CLIENTS[role])

    return client_for


def url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def pages(one_of_each_draft):
    """(name, url, model, kind) for every admin page of every model."""
    for model in EDITED:
        obj = one_of_each_draft[model]
        yield from (
            (f"{model.__name__} list", url(model, "changelist"), model, "view"),
            (f"{model.__name__} add", url(model, "add"), model, "add"),
            (f"{model.__name__} change", url(model, "change", obj.pk), model, "view"),
            (f"{model.__name__} history", url(model, "history", obj.pk), model, "view"),
            (f"{model.__name__} delete", url(model, "delete", obj.pk), model, "delete"),
        )
        version = obj.history.order_by("history_id").first()
        yield (
            f"{model.__name__} past version",
            url(model, "simple_history", obj.pk, version.history_id),
            model,
            "view",
        )
    for model in HISTORICAL:
        entry = model.objects.order_by("history_id").first()
        yield from (
            (f"{model.__name__} list", url(model, "changelist"), model, "view"),
            (f"{model.__name__} add", url(model, "add"), model, "add"),
            (f"{model.__name__} change", url(model, "change", entry.pk), model, "view"),
            (f"{model.__name__} delete", url(model, "delete", entry.pk), model, "delete"),
        )
    yield ("import", reverse("admin:recommendations_recommendation_import"), None, "import")


def expected_status(role, model, kind):
    if role == "anonymous":
        return 302
    if role == "staff":
        return 403
    historical = model in HISTORICAL
    append_only = model is StatusUpdate
    if role == "reviewer":
        return 200 if kind == "view" else 403
    # Secretariat and superusers: the audit trail and the status log are never edited.
    if kind == "view":
        return 200
    if kind == "add":
        return 403 if historical else 200
    if kind == "delete":
        return 403 if historical or append_only else 200
    if kind == "import":
        return 200
    raise AssertionError(kind)


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_answers_each_role_as_it_should(as_role, one_of_each_draft, role):
    client = as_role(role)
    wrong = []
    for name, address, model, kind in pages(one_of_each_draft):
        response = client.get(address)
        expected = expected_status(role, model, kind)
        if response.status_code != expected:
            wrong.append(f"{name}: {response.status_code}, expected {expected}")
        elif role == "anonymous":
            assert response.headers["Location"].startswith(reverse("admin:login"))
    assert wrong == []


def test_reviewers_see_drafts_and_their_change_pages_have_no_save_button(
    reviewer_client, one_of_each_draft
):
    listing = reviewer_client.get(url(Recommendation, "changelist"))
    assert one_of_each_draft[Recommendation].code in listing.content.decode()
    page = reviewer_client.get(url(Recommendation, "change", one_of_each_draft[Recommendation].pk))
    assert page.context["has_change_permission"] is False
    assert 'name="_save"' not in page.content.decode()
    assert 'name="opened_version"' not in page.content.decode()


def test_reviewers_see_the_audit_trail_with_authors(reviewer_client, one_of_each_draft):
    history = reviewer_client.get(
        url(Recommendation, "history", one_of_each_draft[Recommendation].pk)
    )
    assert history.status_code == 200
    assert "Created" in history.content.decode()  # the creation row of the trail


def form_post(model, obj):
    """A plausible change POST for each edited model (only needs to reach the permission check)."""
    return {"name": "Changed", "title": "Changed", "code": getattr(obj, "code", "")}


@pytest.mark.parametrize("model", EDITED, ids=lambda m: m.__name__)
def test_reviewers_cannot_change_add_or_delete_by_post(reviewer_client, one_of_each_draft, model):
    obj = one_of_each_draft[model]
    before = model.history.count()
    assert (
        reviewer_client.post(url(model, "change", obj.pk), form_post(model, obj)).status_code == 403
    )
    assert reviewer_client.post(url(model, "add"), form_post(model, obj)).status_code == 403
    assert reviewer_client.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()
    assert model.history.count() == before  # nothing was written


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete_selected"])
def test_reviewers_cannot_run_changing_actions(reviewer_client, one_of_each_draft, action):
    recommendation = one_of_each_draft[Recommendation]
    before = (Recommendation.objects.count(), Recommendation.history.count())
    response = reviewer_client.post(
        url(Recommendation, "changelist"),
        {"action": action, "_selected_action": [recommendation.pk], "post": "yes"},
    )
    assert response.status_code in (302, 403)  # "no action selected", or refused
    assert (Recommendation.objects.count(), Recommendation.history.count()) == before


@pytest.mark.parametrize("role", ["reviewer", "secretariat", "superuser"])
def test_nobody_reverts_from_the_audit_trail(as_role, one_of_each_draft, role):
    client = as_role(role)
    recommendation = one_of_each_draft[Recommendation]
    version = recommendation.history.order_by("history_id").first()
    response = client.post(
        url(Recommendation, "simple_history", recommendation.pk, version.history_id),
        {"title": "Reverted", "code": recommendation.code},
    )
    assert response.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.title != "Reverted"


@pytest.mark.parametrize("role", ["secretariat", "superuser"])
def test_secretariat_and_superusers_can_publish(as_role, one_of_each_draft, role):
    client = as_role(role)
    response = client.post(
        url(Recommendation, "changelist"),
        {"action": "publish", "_selected_action": [one_of_each_draft[Recommendation].pk]},
    )
    assert response.status_code == 302
    assert Recommendation.objects.get().is_published is True


def test_the_reviewer_group_holds_view_permissions_only():
    codenames = set(
        Group.objects.get(name="Reviewer").permissions.values_list("codename", flat=True)
    )
    assert codenames
    assert all(codename.startswith("view_") for codename in codenames)
    models = {model._meta.model_name for model in (*AUDITED_MODELS, *HISTORICAL)}
    assert codenames == {f"view_{name}" for name in models}
