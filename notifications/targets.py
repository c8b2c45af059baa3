"""What a subscription follows, in the tracker's own terms: which published
recommendations it covers, what to call it, and where it lives on the site."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext

from recommendations.models import Organisation, PolicyArea, Recommendation
from recommendations.public.filters import FACETS, RecommendationFilter

from .models import Followed

# Of the list's parameters, only those that choose recommendations are followed: the
# page, sort order and past date say how to look at them, not which ones.
FOLLOWED_PARAMETERS = (*FACETS, "q")


def list_target(params):
    """The followed form of a list's query string: its filters in force, in a fixed order,
    each value checked against the list's own vocabulary ("" follows every one)."""
    filterset = RecommendationFilter(params, queryset=Recommendation.objects.published())
    chosen = sorted((name, value) for name, value, _label in filterset.active())
    return urlencode(chosen)


@dataclass(frozen=True)
class Target:
    followed: str
    target: str

    @classmethod
    def of(cls, subscription):
        return cls(subscription.followed, subscription.target)

    def _list_query(self):
        """The list's query string for what is followed (None for one recommendation)."""
        return {
            Followed.LIST: self.target,
            Followed.AREA: urlencode({"area": self.target}),
            Followed.BODY: urlencode({"body": self.target}),
        }.get(self.followed)

    def _filterset(self):
        return RecommendationFilter(
            QueryDict(self._list_query()), queryset=Recommendation.objects.published()
        )

    def _object(self):
        model, field = {
            Followed.AREA: (PolicyArea, "slug"),
            Followed.BODY: (Organisation, "slug"),
            Followed.RECOMMENDATION: (Recommendation.objects.published(), "code"),
        }[self.followed]
        manager = model.objects if hasattr(model, "objects") else model
        return manager.filter(**{field: self.target}).first()

    def exists(self):
        """True when the thing followed is on the public site (an area, a body with
        published recommendations, a published recommendation, or any list)."""
        if self.followed == Followed.LIST:
            return True
        if self.followed == Followed.BODY:
            return self.recommendations().exists()
        return self._object() is not None

    def recommendations(self):
        """The published recommendations followed, as they are now.

        Never more than was followed: the list's filter drops a value it does not know
        (an area since deleted, say), which would widen a followed list to everything;
        here such a list follows nothing until it is followed again.
        """
        published = Recommendation.objects.published()
        if self.followed == Followed.AREA:
            return published.filter(policy_areas__slug=self.target)
        if self.followed == Followed.BODY:
            return published.filter(responsible_bodies__slug=self.target)
        if self.followed == Followed.RECOMMENDATION:
            return published.filter(code=self.target)
        filterset = self._filterset()
        if filterset.narrowing_problems():
            return published.none()
        return filterset.qs

    def describe(self):
        """What is followed, in the active language: "Policy area: Critical minerals"."""
        if self.followed == Followed.LIST:
            filterset = self._filterset()
            chosen = filterset.active()
            if not chosen:
                return gettext("Every published recommendation")
            labels = {name: filterset.form.fields[name].label for name, _v, _l in chosen}
            parts = [f"{labels[name]}: {label}" for name, _value, label in chosen]
            return gettext("Recommendations where %(filters)s") % {"filters": "; ".join(parts)}
        found = self._object()
        if found is None:
            return self.target
        if self.followed == Followed.AREA:
            return gettext("Policy area: %(name)s") % {"name": found.localized.name}
        if self.followed == Followed.BODY:
            return gettext("Responsible body: %(name)s") % {"name": found.localized.name}
        return f"{found.code}: {found.localized.title}"

    def page_url(self):
        """The public page showing what is followed (a path)."""
        if self.followed == Followed.LIST:
            path = reverse("recommendations:recommendation_list")
            return f"{path}?{self.target}" if self.target else path
        name = {
            Followed.AREA: "recommendations:area_detail",
            Followed.BODY: "recommendations:body_detail",
            Followed.RECOMMENDATION: "recommendations:recommendation_detail",
        }[self.followed]
        return reverse(name, args=[self.target])

    def feed_url(self):
        """The Atom feed of the same updates, where the feed can narrow to them (a path)."""
        feed = reverse("recommendations:updates_feed")
        query = self._list_query()
        if query is None:
            return None
        return f"{feed}?{query}" if query else feed
