"""What the open data publishes: each file of the data package, its columns and their rules.

One description serves the data package (package.py), the /data/ page (views.py) and the
CSV writers (exports.py), so the columns documented are the columns written. Column names
and code-list values (statuses, lead sides, countries...) are English on every address,
/ja/ included: a script must not read different words depending on the link it was given.
Text the secretariat writes in both languages has a column for each.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from recommendations.choices import Country, Lead, Priority, Status, WorkshopKind
from recommendations.exports.columns import PUBLIC_COLUMNS
from recommendations.exports.csv_rows import REPORT_KEYS

# How every yes/no cell is written (recommendations.exports.csv_rows writes gettext("yes") on the
# English address the package points at; csv_format.yes_no the same words).
TRUE_VALUES = ("yes",)
FALSE_VALUES = ("no",)


def in_english(text):
    """A lazy string as the English file writes it."""
    with translation.override("en"):
        return str(text)


def english_labels(choices):
    """{stored value: English label} of a TextChoices: the words the files write."""
    with translation.override("en"):
        return {value: str(label) for value, label in choices.choices}


@dataclass(frozen=True)
class Column:
    name: str  # in the header row; a lazy string is written in English
    type: str  # a Table Schema type
    description: str
    required: bool = False
    unique: bool = False
    choices: type | None = None  # a TextChoices: the cell is one of its English labels
    format: str | None = None
    minimum: int | None = None

    @property
    def header(self):
        return in_english(self.name)


@dataclass(frozen=True)
class ForeignKey:
    column: str
    resource: str
    reference: str


@dataclass(frozen=True)
class Resource:
    name: str  # the package's name for it, and the file name
    url_name: str
    title: str
    description: str
    columns: tuple
    primary_key: tuple  # header names, English
    foreign_keys: tuple = ()

    @property
    def header(self):
        return [column.header for column in self.columns]

    @property
    def filename(self):
        return f"{self.name}.csv"

    def url(self, request):
        """The file's absolute address, the English one whatever page asks (see above)."""
        with translation.override("en"):
            return request.build_absolute_uri(reverse(self.url_name))


# -- recommendations: the public export, /recommendations/export.csv ----------------------

_LINK = _(
    "The address of the page on this site (in English; the same path under /ja/ in Japanese)."
)

# The export's own columns, by what each holds (exports.REPORT_KEYS), so a column added
# there without a rule here fails at start-up rather than publishing an undescribed column.
_RECOMMENDATION_RULES = {
    "code": {
        "type": "string",
        "required": True,
        "unique": True,
        "description": _("The recommendation's stable public code, e.g. AJ-2025-014."),
    },
    "title": {
        "type": "string",
        "required": True,
        "description": _("Its title in English (in Japanese where it has no English title)."),
    },
    "policy_areas": {
        "type": "string",
        "description": _(
            'The names of its policy areas, separated by "; ". The file recommendation-areas '
            "links each code to the areas' slugs."
        ),
    },
    "status": {
        "type": "string",
        "required": True,
        "choices": Status,
        "description": _("Its current status: that of its latest status update."),
    },
    "status_as_of": {
        "type": "date",
        "description": _("The date of its latest status update; empty where it has none."),
    },
    "lead_side": {
        "type": "string",
        "required": True,
        "choices": Lead,
        "description": _("The side leading its implementation."),
    },
    "responsible_bodies": {
        "type": "string",
        "description": _(
            'The names of the organisations it is addressed to, separated by "; ". The file '
            "recommendation-bodies links each code to the bodies' slugs."
        ),
    },
    "priority": {
        "type": "string",
        "required": True,
        "choices": Priority,
        "description": _("Its priority."),
    },
    "target_date": {
        "type": "date",
        "description": _("The date it should be implemented by; empty where none was set."),
    },
    "overdue": {
        "type": "boolean",
        "required": True,
        "description": _(
            "yes when its target date has passed and it is neither implemented nor not "
            "accepted, on the day the file was made."
        ),
    },
    "raised_at": {
        "type": "string",
        "description": _(
            'The titles of the meetings that raised it, separated by "; ". The file '
            "recommendation-workshops links each code to the meetings' slugs."
        ),
    },
    "latest_update": {
        "type": "string",
        "description": _("The public summary of its latest status update."),
    },
    "text": {
        "type": "string",
        "required": True,
        "description": _("Its full text in English (in Japanese where it has no English text)."),
    },
    "link": {"type": "string", "format": "uri", "required": True, "description": _LINK},
}

RECOMMENDATIONS = Resource(
    name="recommendations",
    url_name="recommendations:recommendation_csv",
    title=_("Recommendations"),
    description=_(
        "Every published recommendation, one a row: the public export of the recommendations "
        "list, unfiltered."
    ),
    columns=tuple(
        Column(name, **_RECOMMENDATION_RULES[key])
        for key, name in zip(REPORT_KEYS, PUBLIC_COLUMNS, strict=True)
    ),
    primary_key=("code",),
)

# -- the files of opendata.exports --------------------------------------------------------

_CODE = Column(
    "code",
    "string",
    _("The code of a published recommendation."),
    required=True,
)

STATUS_UPDATES = Resource(
    name="status-updates",
    url_name="opendata:status_updates_csv",
    title=_("Status updates"),
    description=_(
        "The implementation log of every published recommendation: each dated status update "
        "with its public summary and evidence, each recommendation's updates together, "
        "newest first. Nothing in the log is ever overwritten."
    ),
    columns=(
        Column(
            "id",
            "integer",
            _("The update's number."),
            required=True,
            unique=True,
        ),
        _CODE,
        Column(
            "as of",
            "date",
            _("The day the status took effect (not the day it was recorded)."),
            required=True,
        ),
        Column(
            "status",
            "string",
            _("The status from that day."),
            required=True,
            choices=Status,
        ),
        Column("summary", "string", _("The public summary in English.")),
        Column("summary ja", "string", _("The public summary in Japanese.")),
        Column(
            "evidence links",
            "string",
            _('Web addresses of the public evidence, separated by "; ".'),
        ),
        Column(
            "recorded at",
            "datetime",
            _("When the secretariat recorded the update, in UTC."),
            required=True,
        ),
        Column(
            "link",
            "string",
            _("The update on the recommendation's page."),
            required=True,
            format="uri",
        ),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey("code", "recommendations", "code"),),
)

POLICY_AREAS = Resource(
    name="policy-areas",
    url_name="opendata:policy_areas_csv",
    title=_("Policy areas"),
    description=_("The policy areas recommendations are grouped in, in their display order."),
    columns=(
        Column(
            "slug",
            "string",
            _("The area's short name in addresses, e.g. critical-minerals."),
            required=True,
            unique=True,
        ),
        Column("name", "string", _("Its name in English."), required=True, unique=True),
        Column("name ja", "string", _("Its name in Japanese.")),
        Column("description", "string", _("What it covers, in English.")),
        Column("description ja", "string", _("What it covers, in Japanese.")),
        Column(
            "display order",
            "integer",
            _("Where the site lists it: lower first."),
            required=True,
            minimum=0,
        ),
        Column("link", "string", _LINK, required=True, format="uri"),
    ),
    primary_key=("slug",),
)

WORKSHOPS = Resource(
    name="workshops",
    url_name="opendata:workshops_csv",
    title=_("Workshops and consultations"),
    description=_(
        "The Track 1.5 meetings and their public summaries. Meetings are held under the "
        "Chatham House Rule: nothing here says who took part."
    ),
    columns=(
        Column(
            "slug",
            "string",
            _("The meeting's short name in addresses."),
            required=True,
            unique=True,
        ),
        Column(
            "kind",
            "string",
            _("What kind of meeting it was."),
            required=True,
            choices=WorkshopKind,
        ),
        Column("title", "string", _("Its title in English."), required=True),
        Column("title ja", "string", _("Its title in Japanese.")),
        Column("city", "string", _("Where it was held."), required=True),
        Column(
            "country", "string", _("The country it was held in."), required=True, choices=Country
        ),
        Column("start date", "date", _("Its first day."), required=True),
        Column("end date", "date", _("Its last day."), required=True),
        Column("host", "string", _("The host organisation's name in English, if any.")),
        Column("host ja", "string", _("The host organisation's name in Japanese.")),
        Column("summary", "string", _("The public summary in English.")),
        Column("summary ja", "string", _("The public summary in Japanese.")),
        Column("link", "string", _LINK, required=True, format="uri"),
    ),
    primary_key=("slug",),
)

BODIES = Resource(
    name="bodies",
    url_name="opendata:bodies_csv",
    title=_("Responsible bodies"),
    description=_(
        "The organisations at least one published recommendation is addressed to. An "
        "organisation whose people only took part in meetings is not listed."
    ),
    columns=(
        Column(
            "slug", "string", _("The body's short name in addresses."), required=True, unique=True
        ),
        Column("name", "string", _("Its name in English."), required=True, unique=True),
        Column("name ja", "string", _("Its name in Japanese.")),
        Column("short name", "string", _("Its abbreviation in English, if any.")),
        Column("short name ja", "string", _("Its abbreviation in Japanese, if any.")),
        Column("country", "string", _("Its country."), required=True, choices=Country),
        Column("link", "string", _LINK, required=True, format="uri"),
    ),
    primary_key=("slug",),
)


def _link_table(name, url_name, title, description, other, other_column, other_description):
    """A file of (code, slug) pairs: what a `; `-joined cell of the recommendations holds,
    in a form a foreign key can check."""
    return Resource(
        name=name,
        url_name=url_name,
        title=title,
        description=description,
        columns=(
            _CODE,
            Column(other_column, "string", other_description, required=True),
        ),
        primary_key=("code", other_column),
        foreign_keys=(
            ForeignKey("code", "recommendations", "code"),
            ForeignKey(other_column, other, "slug"),
        ),
    )


RECOMMENDATION_AREAS = _link_table(
    "recommendation-areas",
    "opendata:recommendation_areas_csv",
    _("Policy areas of each recommendation"),
    _("One row for each policy area of each published recommendation."),
    "policy-areas",
    "area slug",
    _("The slug of one of its policy areas."),
)
RECOMMENDATION_BODIES = _link_table(
    "recommendation-bodies",
    "opendata:recommendation_bodies_csv",
    _("Responsible bodies of each recommendation"),
    _("One row for each body a published recommendation is addressed to."),
    "bodies",
    "body slug",
    _("The slug of one of the bodies it is addressed to."),
)
RECOMMENDATION_WORKSHOPS = _link_table(
    "recommendation-workshops",
    "opendata:recommendation_workshops_csv",
    _("Meetings that raised each recommendation"),
    _("One row for each meeting that raised a published recommendation."),
    "workshops",
    "workshop slug",
    _("The slug of one of the meetings that raised it."),
)

# In the package's order: the recommendations first (what most readers want), the link
# tables last.
RESOURCES = (
    RECOMMENDATIONS,
    STATUS_UPDATES,
    POLICY_AREAS,
    BODIES,
    WORKSHOPS,
    RECOMMENDATION_AREAS,
    RECOMMENDATION_BODIES,
    RECOMMENDATION_WORKSHOPS,
)
