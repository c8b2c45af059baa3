"""Public pages answered from the shared page cache while nothing has been written."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from recommendations.choices import Status
from recommendations.page_cache import data_version
from recommendations.services import record_status_update
from tests.factories import make_stockpile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LIST = reverse("recommendations:recommendation_list")


@pytest.fixture
def stockpile():
    return make_stockpile()


def test_the_same_address_again_costs_two_small_queries_and_a_savepoint(
    client, stockpile, django_assert_num_queries
):
    first = client.get(LIST)
    # 1 the data version (the highest audit row id of each audit table, in one row)
    # 2-4 the page from the shared cache table, inside a savepoint (SAVEPOINT, SELECT,
    #     RELEASE) so a failed read cannot spoil a surrounding transaction
    with django_assert_num_queries(4):
        again = client.get(LIST)
    assert again.content == first.content
    assert again["Content-Language"] == "en"
    assert "Accept-Language" in again["Vary"]


def test_any_write_makes_every_page_fresh(client, stockpile):
    before = data_version()
    assert "In progress" in client.get(stockpile.get_absolute_url()).content.decode()
    record_status_update(
        recommendation=stockpile, status=Status.IMPLEMENTED, as_of=stockpile.status_as_of
    )
    assert data_version() != before
    html = client.get(stockpile.get_absolute_url()).content.decode()
    assert "Implemented" in html
    stockpile.title = "Stockpile, renamed"
    stockpile.save()
    assert "Stockpile, renamed" in client.get(LIST).content.decode()


def test_language_and_the_japanese_hint_are_kept_apart(client, stockpile):
    english = client.get(LIST).content.decode()
    hinted = client.get(LIST, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    japanese = client.get("/ja" + LIST).content.decode()
    assert "language-hint" not in english
    assert "language-hint" in hinted
    assert '<html lang="ja"' in japanese
    assert client.get(LIST).content.decode() == english


def test_every_query_string_is_its_own_page(client, stockpile):
    assert client.get(LIST, {"status": "implemented"}).context["listing"].paginator.count == 0
    assert client.get(LIST, {"status": "in_progress"}).context["listing"].paginator.count == 1


def test_a_signed_in_visitor_is_never_served_from_memory(
    client, stockpile, superuser, django_assert_max_num_queries
):
    client.get(LIST)
    client.force_login(superuser)
    response = client.get(LIST)
    assert response.context is not None  # rendered afresh, not replayed


def test_errors_and_downloads_are_not_kept(client, stockpile):
    assert (
        client.get(reverse("recommendations:recommendation_detail", args=["NO-SUCH"])).status_code
        == 404
    )
    assert (
        client.get(reverse("recommendations:recommendation_detail", args=["NO-SUCH"])).context
        is not None
    )
    csv = client.get(reverse("recommendations:recommendation_csv"))
    assert csv.streaming


def test_off_when_the_setting_is_zero(client, stockpile, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(LIST)
    assert client.get(LIST).context is not None


def test_without_its_table_the_cache_steps_aside(client, stockpile):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE page_cache")
    assert client.get(LIST).status_code == 200
    assert client.get(LIST).context is not None  # built afresh each time
    call_command("createcachetable", verbosity=0)


def test_a_calendar_is_kept_once_it_has_streamed_and_a_write_refreshes_it(
    client, stockpile, django_assert_num_queries
):
    stockpile.target_date = stockpile.status_as_of
    stockpile.save()
    calendar = reverse("recommendations:deadlines_ics") + "?area=minerals"
    first = client.get(calendar)
    assert first.streaming
    body = b"".join(first.streaming_content)
    assert b"AJ-2026-001" in body
    # The data version, then the kept (compressed) calendar inside a savepoint.
    with django_assert_num_queries(4):
        again = client.get(calendar)
    assert not again.streaming and again.content == body
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Disposition"] == first["Content-Disposition"]
    stockpile.title = "Stockpile renamed"
    stockpile.save()
    fresh = client.get(calendar)
    assert b"Stockpile renamed" in b"".join(fresh.streaming_content)


def test_a_stream_larger_than_the_limit_is_not_kept(client, stockpile, monkeypatch):
    from recommendations import page_cache

    monkeypatch.setattr(page_cache, "STREAM_KEPT_UP_TO", 10)
    calendar = reverse("recommendations:deadlines_ics")
    b"".join(client.get(calendar).streaming_content)
    assert client.get(calendar).streaming  # built again, not kept


def test_the_feed_is_kept_between_writes(client, stockpile, django_assert_num_queries):
    feed = reverse("recommendations:updates_feed")
    first = client.get(feed, {"area": "minerals"})
    # 1 the data version, 2-4 the kept feed inside a savepoint
    with django_assert_num_queries(4):
        again = client.get(feed, {"area": "minerals"})
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    record_status_update(
        recommendation=stockpile,
        status=Status.IMPLEMENTED,
        as_of=stockpile.status_as_of,
        summary="Stockpile agreed",
    )
    assert b"Stockpile agreed" in client.get(feed, {"area": "minerals"}).content
    # The same address in Japanese is its own entry, never the English one replayed.
    japanese = client.get("/ja" + feed, {"area": "minerals"}).content
    assert japanese != client.get(feed, {"area": "minerals"}).content
    assert b'xml:lang="ja"' in japanese
