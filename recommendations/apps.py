from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Recommendations tracker")

    def ready(self):
        from .lookups import AnyOf
        from .models import Recommendation

        Recommendation._meta.pk.register_lookup(AnyOf)
