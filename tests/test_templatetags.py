"""The lang_marked filter: Japanese inside English pages is marked for screen readers, safely."""

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString, mark_safe

from recommendations.templatetags.language_parts import lang_marked


def ja(text):
    return f'<span lang="ja">{text}</span>'


def render(source, **context):
    return Template("{% load language_parts %}" + source).render(Context(context))


@pytest.mark.parametrize("value", ["Critical minerals", "Tokyo, 2025: AI & chips", "x < y"])
def test_english_is_only_escaped(value):
    assert lang_marked(value) == value.replace("&", "&amp;").replace("<", "&lt;")


@pytest.mark.parametrize("value", [None, ""])
def test_nothing_renders_nothing(value):
    assert lang_marked(value) == ""


def test_returns_safe_html():
    assert isinstance(lang_marked("経済産業省"), SafeString)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Ministry of Economy, Trade and Industry (経済産業省)",
            f"Ministry of Economy, Trade and Industry ({ja('経済産業省')})",
        ),
        (
            "The call opened. 豪州の分離事業を対象に含む公募が開始された。",
            f"The call opened. {ja('豪州の分離事業を対象に含む公募が開始された。')}",
        ),
        # Katakana, the middle dot and full-width brackets belong to the run.
        ("エネルギー・金属鉱物資源機構", ja("エネルギー・金属鉱物資源機構")),
        ("（東京）", ja("（東京）")),
        # Spaces, digits and ASCII punctuation between Japanese characters stay inside.
        ("東京, 大阪 と 2025年3月", ja("東京, 大阪 と 2025年3月")),
        # A number written straight before Japanese text is read with it.
        ("Agreed. 2件の事業", f"Agreed. {ja('2件の事業')}"),
        # ...but not the end of a code or word it is glued to.
        ("AJ-2025号", f"AJ-2025{ja('号')}"),
        # Latin words split the runs: they are read with the page's English voice.
        ("東京 and 大阪", f"{ja('東京')} and {ja('大阪')}"),
        ("AI安全性評価", f"AI{ja('安全性評価')}"),
    ],
)
def test_japanese_runs_are_wrapped(value, expected):
    assert lang_marked(value) == expected


def test_markup_is_escaped_before_wrapping():
    value = "<script>alert(\"東京\")</script><img src=x onerror='大阪'> & 京都"
    assert lang_marked(value) == (
        f"&lt;script&gt;alert(&quot;{ja('東京')}&quot;)&lt;/script&gt;"
        f"&lt;img src=x onerror=&#x27;{ja('大阪')}&#x27;&gt; &amp; {ja('京都')}"
    )


def test_escaped_characters_end_a_run_so_no_entity_is_cut():
    assert lang_marked("東京&大阪") == f"{ja('東京')}&amp;{ja('大阪')}"
    assert lang_marked("東京<大阪>") == f"{ja('東京')}&lt;{ja('大阪')}&gt;"


def test_safe_html_is_kept_and_only_its_text_is_marked():
    value = mark_safe('<a title="東京" href="/x">東京</a>')
    assert lang_marked(value) == f'<a title="東京" href="/x">{ja("東京")}</a>'


def test_in_a_template_the_output_is_not_escaped_twice():
    assert render("{{ value|lang_marked }}", value="A & 東京") == f"A &amp; {ja('東京')}"


def test_linebreaks_after_it_neither_escape_again_nor_straddle_paragraphs():
    value = "English & more.\n\n日本語の文。\n次の行。"
    assert render("{{ value|lang_marked|linebreaks }}", value=value) == (
        f"<p>English &amp; more.</p>\n\n<p>{ja('日本語の文。')}<br>{ja('次の行。')}</p>"
    )


def test_works_inside_blocktranslate():
    source = (
        "{% load i18n %}{% blocktranslate with name=value|lang_marked %}"
        "In {{ name }}{% endblocktranslate %}"
    )
    assert render(source, value="<b>外務省</b>") == f"In &lt;b&gt;{ja('外務省')}&lt;/b&gt;"
