"""What fuzzed tests feed the site: hypothesis settings and strategies for hostile query
strings and import files, and the row counts a refused write must leave as they were."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
)

# Example counts are kept modest so the suite stays fast; each property still tries dozens
# of query strings or files per run, and hypothesis remembers failing ones between runs.
FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PARAMETERS = [
    "area",
    "status",
    "workshop",
    "lead",
    "body",
    "priority",
    "overdue",
    "q",
    "sort",
    "page",
]

# Nasty values: control characters and NUL, markup, far-away unicode, very long text.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        [
            "\x00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "%ff%fe",
            "0",
            "-1",
            "1e999999",
            "99999999999999999999999",
            "\u202etxt.exe",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "経済安全保障",
        ]
    ),
    st.text(min_size=1, max_size=3).map(lambda s: s * 2000),
)


def percent_encoded(text):
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass"))


raw_pair = st.tuples(st.one_of(st.sampled_from(PARAMETERS), nasty_text), nasty_text)
# A query string as a browser or an attacker could send it: properly encoded pairs,
# repeated keys, raw fragments with broken percent escapes and stray separators.
query_strings = st.one_of(
    st.lists(raw_pair, max_size=12).map(
        lambda pairs: "&".join(f"{percent_encoded(k)}={percent_encoded(v)}" for k, v in pairs)
    ),
    st.lists(
        st.one_of(
            st.text(alphabet="=&%;+?#abcdefz0129", max_size=30),
            st.sampled_from(["%", "%Z", "%ff", "%c3%28", "page=%00", "&&&", "=" * 50]),
        ),
        max_size=8,
    ).map("".join),
)


def counts():
    """The rows of everything an import writes, and the audit trail of recommendations."""
    return (
        Recommendation.objects.count(),
        StatusUpdate.objects.count(),
        RecommendationArea.objects.count(),
        RaisedAt.objects.count(),
        ResponsibleBody.objects.count(),
        Recommendation.history.count(),
    )


HEADER = (
    "code,title,text,rationale,policy areas,raised at,responsible bodies,lead,priority,"
    "target date,published,status,status as of,status summary"
)
cell = st.one_of(
    nasty_text,
    st.sampled_from(["AJ-2025-001", "energy", "canberra", "agency", "au", "high", "2025-07-01"]),
)
# Files that look like the template but carry arbitrary cells, and files of arbitrary bytes.
csv_like = st.lists(st.lists(cell, min_size=1, max_size=16), max_size=6).map(
    lambda rows: (
        HEADER
        + "\n"
        + "\n".join(",".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in row) for row in rows)
    ).encode("utf-8", "surrogatepass")
)
any_file = st.one_of(st.binary(max_size=2000), csv_like)
