from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Recommendations tracker")

    def ready(self):
        from recommendations.lookups import AnyOf, NoneOf
        from recommendations.models import Recommendation, StatusUpdate

        Recommendation._meta.pk.register_lookup(AnyOf)
        Recommendation._meta.pk.register_lookup(NoneOf)
        # The log of a long list of recommendations (RecommendationQuerySet.search_condition).
        StatusUpdate._meta.get_field("recommendation").register_lookup(AnyOf)
