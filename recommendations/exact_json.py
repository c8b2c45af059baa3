"""Django's JSON serializer, but with timestamps to the microsecond.

Django's encoder cuts datetimes and times to milliseconds (ECMA-262 style), so a backup
restored from `dumpdata` would not give back exactly what was there: audit-trail times
would move and ordering by them could change. Registered as the "json" format in
settings.SERIALIZATION_MODULES, so dumpdata, loaddata and backup_data all use it; the
deserializer is Django's own, which reads microseconds already.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as DjangoSerializer

__all__ = ["Deserializer", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(DjangoSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder
