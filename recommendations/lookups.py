"""`pk__any_of=[...]`: membership in a long list of keys, sent as ONE query parameter.

`__in` sends one parameter per value, which SQLite caps at 32,766 and PostgreSQL at
65,535, and makes the database parse a statement as long as the list. A search that
matches most of 100,000 recommendations is reused by several queries of one page, so
its keys travel as a PostgreSQL array, or as a JSON array that SQLite unpacks.
"""

import json

from django.db.models import Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [int(value) for value in self.rhs]
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*lhs_params, json.dumps(values)]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, [int(value) for value in self.rhs]]
