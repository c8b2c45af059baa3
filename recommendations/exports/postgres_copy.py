"""The public CSV export written by PostgreSQL: `COPY (…) TO STDOUT WITH (FORMAT csv)`.

The generic export (exports.typed_report, written by Python's csv module) is the reference:
this module writes the same bytes several times faster at 100,000 rows, by having the
database write almost every cell and Python pass the blocks on.

What PostgreSQL does, in one statement (`export_sql`):

- the FilterSet's own queryset (filters, `as_of`, sort) selects the matching
  recommendations and their own columns, read in primary-key order;
- each link table (policy areas, responsible bodies, meetings) is read once, one GROUP BY
  pass over its index in the same order, for each recommendation's ids: no correlated
  subquery per row and list;
- the latest update's summary is looked up by the log's index, still in primary-key order
  (the log's pages are then read in turn, not at random); then the rows are sorted once;
- it writes every cell as the Python writer does: labels in the request's language, yes or
  no, ISO dates, the link, the bilingual fallback, csv_format.neutralise against formula
  injection, and the CSV quoting, which is Python's QUOTE_MINIMAL rule (a cell is quoted when
  it holds a comma, a double quote, CR or LF, quotes doubled). Two differences are
  handled: PostgreSQL quotes an empty string (to tell it from NULL), so an empty cell is sent
  as NULL; and it ends a row with LF where our files end it with CRLF.

What Python does (`_lines`): the three list cells. The database sends each recommendation's
ids of areas, bodies and meetings at the start of its row, and on the first row the three
vocabularies (id and name in the file's language, in the order the generic export joins
the names, which is the database's collation order), read in the same statement and so
consistent with the rows. Python turns each distinct set of ids into its cell once and
splices the cells in between the database's fields. A row the fast splice cannot take apart
with certainty is parsed and written again with the csv module instead.

Only PostgreSQL with psycopg 3 has `cursor.copy()`: elsewhere (SQLite) `copy_csv_chunks`
returns None and the generic export runs.
"""

import csv
import io
import json

from django.db import connections
from django.db.models import F, OrderBy
from django.utils.translation import gettext

from recommendations.bilingual import JAPANESE, SUFFIX, localized_expression, page_language
from recommendations.choices import CLOSED_STATUSES, Lead, Priority, Status
from recommendations.exports.columns import (
    FORMULA_TRIGGERS,
    LIST_SEPARATOR,
    QUOTE,
    header_line,
    neutralise,
)
from recommendations.links import draft_link_parts, public_link_parts
from recommendations.models import (
    Organisation,
    PolicyArea,
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)
from recommendations.public.filters import FACETS
from recommendations.querysets import STATUS_THEN, STATUS_THEN_AS_OF

# Bytes handed to the server per chunk: large enough that a chunk costs one write, small
# enough that the worker's memory never notices.
CHUNK_BYTES = 256 * 1024
# Distinct sets of ids whose list cell is kept, per list (a few hundred bytes each).
CACHED_SETS = 20_000

# csv_format.neutralise in SQL: a cell whose first character is a formula trigger, or a
# quote followed by a trigger or another quote, gets one more quote in front. (ascii() is
# the first character's code point; it is several times cheaper than a pattern match.)
TRIGGER_CODES = ", ".join(str(ord(ch)) for ch in sorted(FORMULA_TRIGGERS))
AFTER_QUOTE_CODES = ", ".join(str(ord(ch)) for ch in sorted(FORMULA_TRIGGERS + (QUOTE,)))

# The link tables whose names make the list cells, in the order their ids come on a row:
# (link model, its key to the vocabulary, vocabulary model, name field, the generic
# export's order of the names, csv_format.with_public_cells).
LISTS = (
    (RecommendationArea, "area", PolicyArea, "name", ("order", "name")),
    (ResponsibleBody, "organisation", Organisation, "name", ("name",)),
    (RaisedAt, "workshop", Workshop, "title", ("start_date", "title", "id")),
)
# The fields the database sends, in this order: the vocabularies (first row only), the ids
# of each list, then the output's cells without the lists, arranged so that the cells
# that can hold any text come last.
VOCABULARY, AREA_IDS, BODY_IDS, MEETING_IDS = range(4)
# Then: status, status as of, lead side | priority, target date, overdue (plain cells: no
# text of a record reaches them) | code, title | latest public update, text, link.


def is_available(using="default"):
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return is_psycopg3


# -- the statement ----------------------------------------------------------------------


class _Sql:
    """Builds SQL text with every value inlined as a literal, quoted by psycopg for this
    connection: the statement is one string, with no parameters to keep in step."""

    def __init__(self, connection):
        from psycopg import sql as psycopg_sql

        connection.ensure_connection()
        self.connection = connection
        self._raw = connection.connection
        self._literal = psycopg_sql.Literal

    def value(self, value):
        return self._literal(value).as_string(self._raw)

    def name(self, *parts):
        return ".".join(self.connection.ops.quote_name(part) for part in parts)

    def column(self, alias, model, field):
        return f"{alias}.{self.name(model._meta.get_field(field).column)}"

    def table(self, model):
        return self.name(model._meta.db_table)


def _order_terms(queryset):
    """[(name, descending, nulls_first, nulls_last)] of the queryset's ORDER BY, or None when
    it orders by anything but plain columns or annotations, which this module does not know
    how to carry over: the generic export then writes the file."""
    terms = []
    for item in queryset.query.order_by:
        if isinstance(item, str):
            terms.append((item.lstrip("-"), item.startswith("-"), False, False))
        elif isinstance(item, OrderBy) and type(item.expression) is F:
            terms.append((item.expression.name, item.descending, item.nulls_first, item.nulls_last))
        else:
            return None
    return terms or None


def _direction(descending, nulls_first, nulls_last):
    text = "DESC" if descending else "ASC"
    if nulls_first:
        text += " NULLS FIRST"
    elif nulls_last:
        text += " NULLS LAST"
    return text


def _localized(sql, alias, model, field, language):
    """bilingual.localized_expression on `alias`: the text in the file's language where the
    record has it, else in the other."""
    own, other = (field + SUFFIX, field) if language == JAPANESE else (field, field + SUFFIX)
    return (
        f"COALESCE(NULLIF({sql.column(alias, model, own)}, ''), {sql.column(alias, model, other)})"
    )


def _cell(sql, expression):
    """A text cell as the Python writer writes it: neutralised, and NULL when empty.
    `expression` must be a column reference (it is repeated)."""
    quote = sql.value(QUOTE)
    return (
        f"NULLIF(CASE WHEN ascii({expression}) IN ({TRIGGER_CODES})"
        f" OR (ascii({expression}) = {ord(QUOTE)}"
        f" AND ascii(substr({expression}, 2, 1)) IN ({AFTER_QUOTE_CODES}))"
        f" THEN {quote} || {expression} ELSE {expression} END, '')"
    )


def _constant(sql, text):
    """A cell that is the same text on every row (a label, yes or no), neutralised here."""
    text = neutralise(text)
    return sql.value(text) if text else "NULL"


def _label(sql, expression, choices):
    """The label of a choice value in the active language; an unknown value as it is."""
    whens = " ".join(
        f"WHEN {sql.value(value)} THEN {_constant(sql, str(label))}" for value, label in choices
    )
    return f"CASE {expression} {whens} ELSE {_cell(sql, expression)} END"


def _iso(expression):
    # ISO 8601 (csv_format.iso): to_char pads the year to four digits, as date.isoformat.
    return f"to_char({expression}, 'YYYY-MM-DD')"


def _overdue(sql, today):
    """choices.is_overdue: a target date before `today`, and a status that is not closed."""
    closed = ", ".join(sql.value(str(value)) for value in CLOSED_STATUSES)
    condition = (
        f"d.x_target < {sql.value(today)} AND (d.x_status IS NULL OR d.x_status NOT IN ({closed}))"
    )
    return (
        f"CASE WHEN {condition} THEN {_constant(sql, gettext('yes'))}"
        f" ELSE {_constant(sql, gettext('no'))} END"
    )


def _link(sql, request):
    """The recommendation's public page (the admin's change page for a draft), absolute.

    Whether a link is neutralised depends on its first two characters only, its prefix's
    (an absolute address, "http…"): settled here, once.
    """
    public, public_end = public_link_parts(request)
    draft, draft_end = draft_link_parts(request)
    if min(len(public), len(draft)) < 2:
        return None
    return (
        f"CASE WHEN d.x_published"
        f" THEN {sql.value(neutralise(public))} || d.x_code || {sql.value(public_end)}"
        f" ELSE {sql.value(neutralise(draft))} || d.x_id::text || {sql.value(draft_end)} END"
    )


def _vocabularies(sql, language):
    """One JSON array per list: [id, name] of every entry of its vocabulary, in the order
    the generic export joins the names (the database's collation decides)."""
    parts = []
    for _link_model, _key, vocabulary, field, order in LISTS:
        name = _localized(sql, "v", vocabulary, field, language)
        ordering = ", ".join(sql.column("v", vocabulary, part) for part in (*order, "id"))
        parts.append(
            f"(SELECT json_agg(json_build_array(v.{sql.name('id')}, {name}) ORDER BY {ordering})"
            f" FROM {sql.table(vocabulary)} v)"
        )
    return f"json_build_array({', '.join(parts)})::text"


def _list_ids(sql, link, key, restrict):
    """Each recommendation's ids in one link table, as text ("3 7"), from one GROUP BY pass
    (over the link rows of the recommendations in the array `restrict`, when given)."""
    recommendation = sql.column("t", link, "recommendation")
    target = sql.column("t", link, key)
    where = f" WHERE {recommendation} = ANY({restrict})" if restrict else ""
    return (
        f"SELECT {recommendation} AS rid, array_to_string(array_agg({target}), ' ') AS ids"
        f" FROM {sql.table(link)} t{where} GROUP BY {recommendation}"
    )


def _narrowed(filterset):
    """True when the export is not every published recommendation."""
    cleaned = filterset.form.cleaned_data
    return any(cleaned.get(name) for name in (*FACETS, "q"))


def export_sql(request, filterset):
    """The `COPY (…) TO STDOUT` statement of the export's rows (no header) as `_lines` reads
    them, every value inlined; or None when the filterset's queryset cannot be carried over
    (see _order_terms)."""
    queryset = filterset.qs
    connection = connections[queryset.db]
    terms = _order_terms(queryset)
    if terms is None:
        return None
    day = filterset.day
    language = page_language()
    sql = _Sql(connection)

    # The matching recommendations with their own columns, in the FilterSet's query.
    status, status_as_of = (STATUS_THEN, STATUS_THEN_AS_OF) if day else ("status", "status_as_of")
    columns = {
        "x_id": F("pk"),
        "x_code": F("code"),
        "x_title": localized_expression("title", language),
        "x_text": localized_expression("text", language),
        "x_status": F(status),
        "x_as_of": F(status_as_of),
        "x_lead": F("lead"),
        "x_priority": F("priority"),
        "x_target": F("target_date"),
        "x_published": F("is_published"),
    }
    sort_keys = []
    for index, (name, descending, nulls_first, nulls_last) in enumerate(terms):
        columns[f"x_o{index}"] = F(name)
        sort_keys.append(f"d.x_o{index} {_direction(descending, nulls_first, nulls_last)}")
    # The last key is the code (unique) in every sort of the list; the primary key after it
    # keeps any other sort whole, so that the first row is the one the vocabularies are on.
    sort_keys.append("d.x_id ASC")
    order_by = ", ".join(sort_keys)
    rows = _compiled(connection, queryset.order_by().values(**columns))

    # A filtered export (usually a few rows) reads the link tables at the matching
    # recommendations only, found once (`m`) and looked up by index; an export of every
    # recommendation reads them whole, which is quicker. (On a past date the filter would
    # look each recommendation's status then up once more: the tables are read whole.)
    matching = ""
    restrict = None
    if _narrowed(filterset) and not day:
        ids = _compiled(connection, queryset.order_by().values(x_rid=F("pk")))
        matching = f"WITH m AS MATERIALIZED (SELECT array_agg(x.x_rid) AS ids FROM ({ids}) x) "
        key_type = Recommendation._meta.pk.db_type(connection)
        restrict = f"(SELECT m.ids FROM m)::{key_type}[]"
    lists = "".join(
        f" LEFT JOIN ({_list_ids(sql, link, key, restrict)}) l{index} ON l{index}.rid = f.x_id"
        for index, (link, key, _vocabulary, _field, _order) in enumerate(LISTS)
    )

    # The latest update's summary (dated by `day` at the latest), by its log-order index.
    on_day = ""
    if day:
        on_day = f" AND {sql.column('u', StatusUpdate, 'as_of')} <= {sql.value(day)}"
    newest_first = ", ".join(
        f"{sql.column('u', StatusUpdate, field)} DESC" for field in ("as_of", "recorded_at", "id")
    )
    latest = (
        f"SELECT {_localized(sql, 'u', StatusUpdate, 'summary', language)} AS summary"
        f" FROM {sql.table(StatusUpdate)} u"
        f" WHERE {sql.column('u', StatusUpdate, 'recommendation')} = f.x_id{on_day}"
        f" ORDER BY {newest_first} LIMIT 1"
    )

    link = _link(sql, request)
    if link is None:
        return None
    fields = [
        f"CASE WHEN row_number() OVER (ORDER BY {order_by}) = 1"
        f" THEN {_vocabularies(sql, language)} END",
        "d.l0_ids",
        "d.l1_ids",
        "d.l2_ids",
        _label(sql, "d.x_status", Status.choices),
        _iso("d.x_as_of"),
        _label(sql, "d.x_lead", Lead.choices),
        _label(sql, "d.x_priority", Priority.choices),
        _iso("d.x_target"),
        _overdue(sql, filterset.today),
        _cell(sql, "d.x_code"),
        _cell(sql, "d.x_title"),
        _cell(sql, "d.summary"),
        _cell(sql, "d.x_text"),
        link,
    ]
    # Every row is read in the order of the primary key, as the link tables' and the log's
    # indexes run (OFFSET 0 keeps the planner from looking the summaries up after the sort,
    # in an order that would read the log's pages at random), then sorted once.
    query = (
        f"{matching}SELECT {', '.join(fields)} FROM (SELECT f.*, l0.ids AS l0_ids, l1.ids AS l1_ids,"
        f" l2.ids AS l2_ids, s.summary FROM ({rows}) f{lists}"
        f" LEFT JOIN LATERAL ({latest}) s ON true OFFSET 0) d ORDER BY {order_by}"
    )
    return f"COPY ({query}) TO STDOUT WITH (FORMAT csv)"


def _compiled(connection, queryset):
    """A queryset's SQL with its parameters inlined."""
    return connection.ops.compose_sql(*queryset.query.get_compiler(connection=connection).as_sql())


# -- the rows ---------------------------------------------------------------------------


def _plain(text):
    """True when the database writes `text` unquoted and without a comma."""
    return not any(ch in text for ch in ',"\r\n')


def _labels_are_plain():
    """The fast splice counts commas over the label cells: every label must be plain."""
    texts = [gettext("yes"), gettext("no")]
    for choices in (Status.choices, Lead.choices, Priority.choices):
        texts += [str(label) for _value, label in choices]
    return all(_plain(neutralise(text)) for text in texts)


def _csv_line(cells):
    """The cells as the generic export writes a row (already neutralised)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue().encode()


def _csv_cell(text):
    """One cell as it appears between the commas of a row (a row of one empty cell is
    written as a pair of quotes: an empty cell among others is nothing)."""
    return _csv_line([text])[:-2] if text else b""


class _ListCells:
    """The list cells (areas, bodies, meetings) from ids, each distinct set decoded once
    (up to CACHED_SETS sets a list: the worker's memory stays flat whatever the data)."""

    def __init__(self):
        self.vocabularies = None
        self.cells = [{}, {}, {}]
        self.texts = [{}, {}, {}]

    def learn(self, vocabularies):
        """[[[id, name], …] per list, in join order] from the first row."""
        self.vocabularies = [
            {entry[0]: (rank, entry[1]) for rank, entry in enumerate(entries or ())}
            for entries in json.loads(vocabularies)
        ]

    def text(self, index, ids):
        """The cell's text (neutralised) for ids "3 7" of list `index`."""
        cache = self.texts[index]
        cached = cache.get(ids)
        if cached is None:
            vocabulary = self.vocabularies[index]
            entries = sorted(vocabulary[int(id_)] for id_ in ids.split())
            # STRING_AGG skips a NULL name; no ids (NULL) is an empty cell.
            names = [name for _rank, name in entries if name is not None]
            cached = neutralise(LIST_SEPARATOR.join(names))
            _remember(cache, ids, cached)
        return cached

    def cell(self, index, ids):
        """The cell as bytes between the commas, for ids as the database sent them."""
        cache = self.cells[index]
        cached = cache.get(ids)
        if cached is None:
            cached = _csv_cell(self.text(index, ids.decode()))
            _remember(cache, ids, cached)
        return cached


def _remember(cache, key, value):
    if len(cache) >= CACHED_SETS:
        cache.clear()
    cache[key] = value


def _field_end(row, start):
    """Where the CSV field starting at `start` ends (the index of the comma after it)."""
    if row[start : start + 1] != b'"':
        return row.index(b",", start)
    at = start + 1
    while True:
        quote = row.index(b'"', at)
        if row[quote + 1 : quote + 2] == b'"':
            at = quote + 2
            continue
        return quote + 1


def _rewrite(row, lists):
    """Any row, the slow and certain way: parsed and written again by the csv module."""
    fields = next(csv.reader([bytes(row).decode()[:-1]], strict=True))
    if fields[VOCABULARY]:
        lists.learn(fields[VOCABULARY])
    (
        status,
        status_as_of,
        lead,
        priority,
        target_date,
        overdue,
        code,
        title,
        latest,
        text,
        link,
    ) = fields[4:]
    areas, bodies, meetings = (lists.text(index, fields[1 + index]) for index in range(3))
    return _csv_line(
        [
            code,
            title,
            areas,
            status,
            status_as_of,
            lead,
            bodies,
            priority,
            target_date,
            overdue,
            meetings,
            latest,
            text,
            link,
        ]
    )[:-2]


def _lines(rows, fast):
    """The export's lines (without their CRLF) from the database's rows (with their LF).

    The fast way: the row starts with an empty vocabulary field, the three fields of ids
    (digits and spaces) and the six plain cells, so its first ten commas end fields and no
    quote comes before the tenth; after it come the code and the title, whose ends are found
    the CSV way, and the rest, which ends the line as it is.
    """
    lists = _ListCells()
    cell = lists.cell
    find = bytes.find
    for data in rows:
        row = bytes(data)
        parts = row.split(b",", 10)
        if (
            not fast
            or parts[0]
            or len(parts) < 11
            or find(row, b'"', 0, len(row) - len(parts[10])) != -1
        ):
            yield _rewrite(row, lists)
            continue
        rest = parts[10]
        code_end = _field_end(rest, 0)
        title_end = _field_end(rest, code_end + 1)
        yield b",".join(
            (
                rest[:title_end],
                cell(0, parts[AREA_IDS]),
                parts[4],
                parts[5],
                parts[6],
                cell(1, parts[BODY_IDS]),
                parts[7],
                parts[8],
                parts[9],
                cell(2, parts[MEETING_IDS]),
                rest[title_end + 1 : -1],
            )
        )


# -- the response -----------------------------------------------------------------------


def copy_csv_chunks(request, filterset, header):
    """The whole file as byte chunks (BOM and header first), or None where COPY is not
    available or the query cannot be carried over: the caller then writes it in Python."""
    if not is_available(filterset.qs.db):
        return None
    statement = export_sql(request, filterset)
    if statement is None:
        return None
    # Settled while the view runs, in the request's language: the rows come later.
    fast = _labels_are_plain()
    return _chunks(connections[filterset.qs.db], statement, header_line(header), fast)


def _chunks(connection, statement, head, fast):
    yield head
    # Django's cursor: under a debug cursor (tests, DEBUG) the COPY is logged as the
    # export's one query for its rows.
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        # JIT compilation is off for every connection (settings.POSTGRESQL_SERVER_OPTIONS):
        # this statement's cost grows with the rows, and compiling it took half a second.
        cursor.copy(statement) as copy,
    ):
        pending, size = [], 0
        for line in _lines(copy, fast):
            pending.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                pending.append(b"")
                yield b"\r\n".join(pending)
                pending, size = [], 0
        if pending:
            pending.append(b"")
            yield b"\r\n".join(pending)
