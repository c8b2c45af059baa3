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
    # The condition on each database, around the column ({lhs}) and the one parameter.
    sqlite_sql = "{lhs} IN (SELECT value FROM json_each(%s))"
    postgresql_sql = "{lhs} = ANY(%s)"

    def keys(self):
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return self.sqlite_sql.format(lhs=lhs), [*lhs_params, json.dumps(self.keys())]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return self.postgresql_sql.format(lhs=lhs), [*lhs_params, self.keys()]


class NoneOf(AnyOf):
    """`pk__none_of=[...]`: the rows whose key is not in a long list, as one parameter.

    Not `exclude(pk__any_of=...)`: PostgreSQL 15 hashes `= ANY(array)` but compares each
    row with every key in turn for its negation; NOT IN over the unnested array is hashed.
    """

    lookup_name = "none_of"
    sqlite_sql = "{lhs} NOT IN (SELECT value FROM json_each(%s))"
    postgresql_sql = "{lhs} NOT IN (SELECT unnest(%s::bigint[]))"
