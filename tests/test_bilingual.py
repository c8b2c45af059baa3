"""Content in English and Japanese: which language a page shows, and how a fallback is marked."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from recommendations.bilingual import LocalizedText, localized_expression, marked_html, pick
from recommendations.models import Recommendation
from tests.factories import make_area, make_organisation, make_recommendation, make_workshop


def ja(text):
    return f'<span lang="ja">{text}</span>'


def en(text):
    return f'<span lang="en">{text}</span>'


@pytest.mark.parametrize(
    ("english", "japanese", "language", "shown", "lang"),
    [
        ("Critical minerals", "重要鉱物", "en", "Critical minerals", "en"),
        ("Critical minerals", "重要鉱物", "ja", "重要鉱物", "ja"),
        ("Critical minerals", "", "ja", "Critical minerals", "en"),  # fallback to English
        ("", "重要鉱物", "en", "重要鉱物", "ja"),  # fallback to Japanese
        ("", "", "ja", "", "en"),
    ],
)
def test_pick_prefers_the_page_language_and_falls_back(english, japanese, language, shown, lang):
    text = pick(english, japanese, language)
    assert (str(text), text.lang) == (shown, lang)


@pytest.mark.parametrize(
    ("value", "page", "html"),
    [
        # Text in the page's language is only escaped (Japanese runs on English pages marked).
        (LocalizedText("A & B", "en"), "en", "A &amp; B"),
        (LocalizedText("Talks (東京)", "en"), "en", f"Talks ({ja('東京')})"),
        (LocalizedText("重要鉱物", "ja"), "ja", "重要鉱物"),
        # A fallback is marked whole with its own language.
        (LocalizedText("重要鉱物", "ja"), "en", ja("重要鉱物")),
        (LocalizedText("Critical <minerals>", "en"), "ja", en("Critical &lt;minerals&gt;")),
        (LocalizedText("Talks (東京)", "en"), "ja", en(f"Talks ({ja('東京')})")),
        # Plain strings: Latin text on a Japanese page is English, Japanese text needs nothing.
        ("Canberra", "ja", en("Canberra")),
        ("2025", "ja", "2025"),
        ("東京", "ja", "東京"),
    ],
)
def test_marked_html_marks_what_is_not_in_the_page_language(value, page, html):
    assert marked_html(value, page) == html


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load language_parts %}" + source).render(Context(context))


def test_paragraphs_marks_a_fallback_as_one_block():
    text = LocalizedText("First.\n\nSecond <b>.", "en")
    assert render("{{ v|paragraphs }}", "ja", v=text) == (
        '<div lang="en"><p>First.</p>\n\n<p>Second &lt;b&gt;.</p></div>'
    )
    assert render("{{ v|paragraphs }}", "en", v=text) == "<p>First.</p>\n\n<p>Second &lt;b&gt;.</p>"


def test_shorten_counts_characters_in_japanese_and_keeps_the_language():
    short = render("{{ v|shorten:2|lang_marked }}", "en", v=LocalizedText("あ" * 20, "ja"))
    assert short == ja("あ" * 5 + "…")
    assert render("{{ v|shorten:2 }}", "en", v="one two three") == "one two …"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ja"])
def test_localized_expression_falls_back_per_row_in_sql(language):
    make_recommendation(code="AJ-2025-001", title="Both", title_ja="両方")
    make_recommendation(code="AJ-2025-002", title="English only")
    rows = dict(
        Recommendation.objects.annotate(shown=localized_expression("title", language)).values_list(
            "code", "shown"
        )
    )
    expected = {"en": "Both", "ja": "両方"}[language]
    assert rows == {"AJ-2025-001": expected, "AJ-2025-002": "English only"}


@pytest.fixture
def bilingual_recommendation(db):
    area = make_area(name="Critical minerals", name_ja="重要鉱物", slug="critical-minerals")
    body = make_organisation(name="Ministry of Economy, Trade and Industry", name_ja="経済産業省")
    english_only_body = make_organisation(name="Digital Transformation Agency")
    workshop = make_workshop(title="Tokyo workshop", title_ja="東京ワークショップ")
    return make_recommendation(
        code="AJ-2025-001",
        title="Joint stockpile",
        title_ja="共同備蓄",
        text="The two governments should share a stockpile.",
        text_ja="両政府は備蓄を共有すべきである。",
        rationale="Only in English.",
        areas=[area],
        bodies=[body, english_only_body],
        workshops=[workshop],
        status="in_progress",
        summary="Talks began.",
    )


def test_japanese_detail_page_shows_japanese_and_marks_english_fallbacks(
    client, bilingual_recommendation
):
    response = client.get("/ja/recommendations/AJ-2025-001/")
    page = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Language"] == "ja"
    assert '<html lang="ja">' in page
    assert "共同備蓄" in page and "Joint stockpile" not in page
    assert "両政府は備蓄を共有すべきである。" in page
    assert "重要鉱物" in page and "経済産業省" in page and "東京ワークショップ" in page
    # No Japanese for these: shown in English, marked as English.
    assert '<div lang="en"><p>Only in English.</p></div>' in page
    assert en("Digital Transformation Agency") in page
    assert '<div lang="en"><p>Talks began.</p></div>' in page


def test_english_detail_page_shows_english_and_marks_japanese_fallbacks(
    client, bilingual_recommendation
):
    StatusUpdate = bilingual_recommendation.status_updates.model
    StatusUpdate.objects.update(summary="", summary_ja="協議を開始した。")

    response = client.get(reverse("recommendations:recommendation_detail", args=["AJ-2025-001"]))
    page = response.content.decode()

    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in page
    assert "Joint stockpile" in page and "共同備蓄" not in page
    assert '<div lang="ja"><p>協議を開始した。</p></div>' in page


def test_list_facets_and_rows_use_japanese_names(client, bilingual_recommendation):
    page = client.get("/ja/recommendations/").content.decode()
    assert "重要鉱物" in page and "経済産業省" in page and "東京ワークショップ" in page
    assert "Critical minerals" not in page


def test_demo_data_leaves_some_records_english_only(db):
    from tests.factories import load_demo

    load_demo()
    published = Recommendation.objects.published()
    assert published.exclude(title_ja="").count() > published.filter(title_ja="").count() > 0
    # The demo's English fields hold English only: Japanese lives in the *_ja fields.
    for recommendation in published:
        assert not any("\u3040" <= ch <= "\u9fff" for ch in recommendation.title)
