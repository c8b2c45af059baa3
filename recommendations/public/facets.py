"""Facet counts of the recommendation list: how many each choice of the filter panel
would give, the other filters kept. Two queries whatever the data size."""

from django.db import connection
from django.db.models import BooleanField, Case, Count, Q, Value, When

from recommendations.models import RaisedAt, RecommendationArea, ResponsibleBody
from recommendations.querysets import overdue_condition, target_slips

# Those on the recommendation's own columns: their facet counts come from one query.
COLUMN_FACETS = ("status", "lead", "priority", "overdue", "slipped")
# The facets on links to other records: (parameter, link table, the linked record's field).
LINK_FACETS = (
    ("area", RecommendationArea, "area"),
    ("workshop", RaisedAt, "workshop"),
    ("body", ResponsibleBody, "organisation"),
)


def link_counts(filterset, skip=()):
    """{facet: {slug: count}} for the area, meeting and body facets, in one statement.

    Each facet counts the rows the other filters keep, its own left out: for a facet not
    in force that is the rows the page shows, so all such facets share one set of rows.
    Each distinct set is a named subquery (WITH) that the database computes once and
    every facet reading it joins against; on a past date that spares looking each
    row's status up in the log once per facet.
    """
    qn = connection.ops.quote_name
    sets = {}  # leave_out → (name, sql, params)
    branches = []
    counted = [facet for facet in LINK_FACETS if facet[0] not in skip]
    counts = {name: {} for name, _through, _target in LINK_FACETS}
    if not counted:
        return counts
    for name, through, target in counted:
        leave_out = (name,) if filterset.form.cleaned_data.get(name) else ()
        if leave_out not in sets:
            matching = filterset.narrowed(filterset.queryset, leave_out=leave_out).order_by()
            sql, params = matching.values("pk").query.sql_with_params()
            sets[leave_out] = (f"facet_rows_{len(sets)}", sql, params)
        rows_name = sets[leave_out][0]
        link = through._meta
        # Grouped by the linked record's key: its slug comes from the choices loaded.
        branches.append(
            f"SELECT %s, t.{qn(link.get_field(target).column)}, COUNT(*)"
            f" FROM {qn(link.db_table)} t"
            f" JOIN {rows_name} r ON r.id = t.{qn(link.get_field('recommendation').column)}"
            f" GROUP BY t.{qn(link.get_field(target).column)}"
        )
    statement = "WITH {} {}".format(
        ", ".join(f"{rows_name}(id) AS ({sql})" for rows_name, sql, _params in sets.values()),
        " UNION ALL ".join(branches),
    )
    params = [p for _rows_name, _sql, ps in sets.values() for p in ps]
    params += [name for name, _through, _target in counted]
    slugs = {
        "area": {area.pk: area.slug for area in filterset.areas},
        "workshop": {workshop.pk: workshop.slug for workshop in filterset.workshops},
        "body": {body.pk: body.slug for body in filterset.bodies},
    }
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for name, pk, n in cursor.fetchall():
            if pk in slugs[name]:
                counts[name][slugs[name][pk]] = n
    return counts


def column_counts(filterset):
    """(facet counts, total) of the filters on the recommendation's own columns, in one
    query: the total is the number of rows the page's filters keep.

    One GROUP BY over the rows the other filters (area, meeting, body, search) keep
    gives a count per combination of status, lead side, priority, overdue and slipped
    (a few hundred groups at most, whatever the data size); each choice's count is
    the sum over the combinations that hold it and every other column filter in force.
    Grouping evaluates each row's status once, which matters on a past date, where the
    status is a lookup in the log.
    """
    chosen = {}
    for name in COLUMN_FACETS:
        value = filterset.form.cleaned_data.get(name)
        if value:
            chosen[name] = set(value) if isinstance(value, list) else {True}
    columns = {"status": filterset.status_field, "lead": "lead", "priority": "priority"}
    flags = {
        "overdue": overdue_condition(filterset.today, filterset.status_field),
        "slipped": Q(pk__in=target_slips(until=filterset.day).values("id")),
    }
    base = filterset.narrowed(filterset.queryset, leave_out=COLUMN_FACETS).order_by()
    groups = (
        base.annotate(
            **{
                f"is_{name}": Case(
                    When(condition, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
                for name, condition in flags.items()
            }
        )
        .values(*columns.values(), *(f"is_{name}" for name in flags))
        .annotate(n=Count("pk"))
    )
    counts = {name: {} for name in COLUMN_FACETS}
    total = 0
    for group in groups:
        held = {name: group[column] for name, column in columns.items()}
        held.update({name: group[f"is_{name}"] for name in flags})
        misses = [name for name, values in chosen.items() if held[name] not in values]
        if not misses:
            total += group["n"]
        for name in COLUMN_FACETS:
            # The count a choice would give: the other column filters must all hold.
            if misses and misses != [name]:
                continue
            key = "1" if name in flags else held[name]
            if name in flags and not held[name]:
                continue
            counts[name][key] = counts[name].get(key, 0) + group["n"]
    for name, values in counts.items():
        for value, _label in filterset.filters[name].extra["choices"]:
            values.setdefault(value, 0)
    return counts, total
