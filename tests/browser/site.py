"""The demo data the browser tests run against, and the public pages picked from it."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.db.models import Count, Q
from django.urls import reverse

from notifications.models import Subscription
from recommendations.models import Organisation, PolicyArea, Recommendation, Workshop
from tests.factories import load_demo

JAPANESE_PREFIX = "/ja"


@dataclass(frozen=True)
class Journey:
    """Dashboard → one area → narrowed to one status, and how many results that must give."""

    area: str
    status: str
    expected_count: int

    def is_carried_by(self, url):
        """True when `url` keeps both choices: the area (path or query) and the status."""
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        area_path = reverse("recommendations:area_detail", args=[self.area])
        has_area = parts.path == area_path or self.area in query.get("area", [])
        return has_area and self.status in query.get("status", [])


@dataclass(frozen=True)
class PublicSite:
    base_url: str
    journey: Journey
    pages: dict  # name -> path, every public page kind worth checking
    # Pages drawn by a third-party tool (Swagger UI's API documentation): they must load
    # under our Content-Security-Policy, but their markup and contrast are the tool's, so
    # axe-core and the Nu checker (which reports its CSS container queries) leave them out.
    tool_pages: dict = None

    def url(self, path):
        return self.base_url + path

    def path(self, name):
        return self.pages.get(name) or self.tool_pages[name]

    def check_status(self, name, status):
        expected = 404 if name.endswith("not-found") else 200
        assert status == expected, f"{name} {self.path(name)} answered {status}, not {expected}"

    def visit(self, page, name):
        """Open one of the pages in the browser and check it answered as it should."""
        self.check_status(name, page.goto(self.url(self.path(name))).status)


def seed_public_site(base_url):
    _seed()
    journey = _pick_journey()
    recommendation = (
        Recommendation.objects.published()
        .annotate(updates=Count("status_updates"))
        .order_by("-updates", "code")
        .first()
    )
    workshop = (
        Workshop.objects.annotate(
            n=Count("recommendations", filter=Q(recommendations__is_published=True))
        )
        .order_by("-n", "slug")
        .first()
    )
    body = (
        Organisation.objects.annotate(
            n=Count("recommendations", filter=Q(recommendations__is_published=True))
        )
        .order_by("-n", "slug")
        .first()
    )
    recommendation_list = reverse("recommendations:recommendation_list")
    subscription = Subscription.objects.create(
        email="reader@example.org", followed="area", target=journey.area, language="en"
    )
    pages = {
        "dashboard": reverse("recommendations:dashboard"),
        "list": recommendation_list,
        "filtered-list": f"{recommendation_list}?area={journey.area}&status={journey.status}",
        "detail": recommendation.get_absolute_url(),
        "areas": reverse("recommendations:area_list"),
        "area": reverse("recommendations:area_detail", args=[journey.area]),
        "workshops": reverse("recommendations:workshop_list"),
        "workshop": workshop.get_absolute_url(),
        "bodies": reverse("recommendations:body_list"),
        "body": body.get_absolute_url(),
        "report": reverse("recommendations:report") + _report_period(),
        # The tracker on a past date (banner, statuses then) and the slip log.
        "dashboard-as-of": reverse("recommendations:dashboard") + "?as_of=2026-03-31",
        "list-as-of-slipped": f"{recommendation_list}?as_of=2026-09-30&slipped=1",
        "slipped-detail": Recommendation.objects.published()
        .slipped()
        .order_by("code")
        .first()
        .get_absolute_url(),
        "not-found": reverse("recommendations:recommendation_detail", args=["NO-SUCH-CODE"]),
        # Open data, and following by email (the sign-up, and the pages its links open).
        "open-data": reverse("opendata:index"),
        "follow": f"{reverse('notifications:follow')}?followed=area&target={journey.area}",
        "follow-sent": reverse("notifications:follow_sent"),
        "follow-confirm": reverse("notifications:confirm", args=[subscription.token]),
        "unsubscribe": reverse("notifications:unsubscribe", args=[subscription.token]),
        "link-gone-not-found": reverse("notifications:unsubscribe", args=["no-such-token"]),
    }
    # Every page again in Japanese (the same path under /ja/), and one whose record has no
    # Japanese, so the English fallback and its lang marking are checked as well.
    pages.update({f"ja-{name}": JAPANESE_PREFIX + path for name, path in pages.items()})
    english_only = Recommendation.objects.published().filter(title_ja="").order_by("code").first()
    pages["ja-english-only-detail"] = JAPANESE_PREFIX + english_only.get_absolute_url()
    tool_pages = {"api-docs": reverse("api:docs"), "ja-api-docs": f"{JAPANESE_PREFIX}/api/v1/docs/"}
    return PublicSite(base_url=base_url, journey=journey, pages=pages, tool_pages=tool_pages)


def sign_in_as_new_superuser(page, site, django_user_model, username, password, **fields):
    """Create a superuser and sign `page` in as them through the admin's login form.

    Superusers: who may do what is tested in tests/admin/test_roles.py; the live server's flushes
    between browser tests leave no migration-made groups behind.
    """
    django_user_model.objects.create_superuser(
        username, f"{username}@example.org", password, **fields
    )
    page.goto(site.url(reverse("admin:login")))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(site.url(reverse("admin:index")))
    return page


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def published_count(area, status):
    return Recommendation.objects.published().in_area(area).filter(status=status).count()


def _pick_journey():
    """The busiest area, narrowed by a status that keeps some of its results but not all."""
    area = (
        PolicyArea.objects.annotate(
            n=Count("recommendations", filter=Q(recommendations__is_published=True))
        )
        .order_by("-n", "order")
        .first()
    )
    in_area = Recommendation.objects.published().in_area(area.slug)
    total = in_area.count()
    by_status = in_area.order_by().values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in by_status}
    narrowing = [s for s, n in counts.items() if n < total] or list(counts)
    status = max(narrowing, key=lambda s: (counts[s], s))
    return Journey(area=area.slug, status=status, expected_count=published_count(area.slug, status))


def _seed():
    load_demo()


def _report_period():
    """A progress-report period over the demo log: from its middle update to its last (up
    to today), so there are figures at the start and changes of every kind in between."""
    from django.utils import timezone

    from recommendations.models import StatusUpdate

    days = list(
        StatusUpdate.objects.public()
        .filter(as_of__lte=timezone.localdate())
        .order_by("as_of")
        .values_list("as_of", flat=True)
    )
    return f"?from={days[len(days) // 2].isoformat()}&to={days[-1].isoformat()}"
