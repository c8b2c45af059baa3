"""The admin in Japanese for the Secretariat, with both languages of a record side by side."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.admin.form_data import recommendation_form_data
from tests.factories import make_area, make_organisation, make_recommendation, make_workshop

pytestmark = pytest.mark.django_db


def japanese(name, *args):
    with translation.override("ja"):
        return reverse(name, args=args)


def test_the_admin_is_in_japanese_under_ja(officer_client):
    make_recommendation(code="AJ-2025-001", title="Stockpile", title_ja="備蓄")
    response = officer_client.get(japanese("admin:recommendations_recommendation_changelist"))
    page = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Language"] == "ja"
    assert '<html lang="ja"' in page
    assert "提言" in page and "実施状況" in page and "期限超過" in page
    # Django's own admin catalogue: its words are Japanese too.
    assert "検索" in page and "ログアウト" in page


@pytest.mark.parametrize(
    ("model", "pairs"),
    [
        (
            "recommendation",
            [("title", "title_ja"), ("text", "text_ja"), ("rationale", "rationale_ja")],
        ),
        ("policyarea", [("name", "name_ja"), ("description", "description_ja")]),
        ("organisation", [("name", "name_ja"), ("short_name", "short_name_ja")]),
        ("workshop", [("title", "title_ja"), ("summary", "summary_ja")]),
    ],
)
def test_both_languages_are_edited_side_by_side(officer_client, model, pairs):
    response = officer_client.get(japanese(f"admin:recommendations_{model}_add"))
    page = response.content.decode()
    assert response.status_code == 200
    for english, japanese_field in pairs:
        # One form row holds both fields (the admin's side-by-side layout for a tuple).
        row = page.split(f"field-{english} ", 1)[1].split('class="form-row', 1)[0]
        assert f'name="{japanese_field}"' in row, (model, english)
    assert "（日本語）" in page


def test_a_recommendation_entered_in_both_languages_in_the_japanese_admin(officer_client):
    area = make_area(name="Critical minerals")
    body = make_organisation(name="Ministry of Economy, Trade and Industry", name_ja="経済産業省")
    workshop = make_workshop()
    data = recommendation_form_data(
        code="AJ-2026-050",
        title="Joint stockpile",
        title_ja="共同備蓄",
        text="Share reserves.",
        text_ja="備蓄を共有する。",
        areas=[str(area.pk)],
        raised_at=[str(workshop.pk)],
        addressed_to=[str(body.pk)],
        is_published="on",
    )
    response = officer_client.post(japanese("admin:recommendations_recommendation_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    from recommendations.models import Recommendation

    saved = Recommendation.objects.get(code="AJ-2026-050")
    assert (saved.title, saved.title_ja, saved.text_ja) == (
        "Joint stockpile",
        "共同備蓄",
        "備蓄を共有する。",
    )
    public = officer_client.get(f"/ja/recommendations/{saved.code}/").content.decode()
    assert "共同備蓄" in public


def test_admin_search_finds_japanese_titles(officer_client):
    make_recommendation(code="AJ-2025-001", title="Stockpile", title_ja="重要鉱物の備蓄")
    make_recommendation(code="AJ-2025-002", title="Other")
    url = japanese("admin:recommendations_recommendation_changelist") + "?q=重要鉱物"
    page = officer_client.get(url).content.decode()
    assert "AJ-2025-001" in page and "AJ-2025-002" not in page


def test_the_admin_links_the_other_language_and_the_site_in_its_own(officer_client):
    page = officer_client.get(japanese("admin:index")).content.decode()
    assert '<a href="/admin/" hreflang="en" lang="en">English</a>' in page
    assert '<a href="/ja/">' in page  # "View site" in Japanese
    page = officer_client.get("/admin/").content.decode()
    assert '<a href="/ja/admin/" hreflang="ja" lang="ja">日本語</a>' in page
