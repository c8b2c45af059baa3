# Django's own Japanese formats show dates (2026年6月30日, 2026/06/30); these say what a date
# box accepts: 2026/06/30 first (how it shows a date), ISO and 2026年6月30日 too.
DATE_INPUT_FORMATS = ["%Y/%m/%d", "%Y-%m-%d", "%Y年%m月%d日"]
DATETIME_INPUT_FORMATS = [
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
