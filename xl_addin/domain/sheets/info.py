"""The Thông tin sheet: the contest's facts as label/value rows, written and read back."""

from __future__ import annotations

from .. import messages as msg
from .. import authorities, rules, schema
from ..checks import Collector, first_blank_row, in_sheet_order, read_choice, read_date, read_int, require
from ..findings import Finding
from ..models import ContestInfo
from ..sheet_layout import SheetLayout
from ..tables import Rows, header_key, label_values
from ..values import fold, text

MIN_YEAR, MAX_YEAR = 2000, 2100
REQUIRED = (schema.INFO_YEAR, schema.INFO_LEVEL, schema.INFO_PROVINCE, schema.INFO_ORGANISER)

# Level keys ("tinh", "khu-vuc") and "Cấp tỉnh" are accepted besides the labels themselves.
LEVEL_ALIASES = {
    **{fold(key): label for key, label in rules.LEVELS.items()},
    **{fold(f"Cấp {label}"): label for label in rules.LEVELS.values()},
}
_KEY_OF_LABEL = {label: key for key, label in rules.LEVELS.items()}

# ContestInfo's text fields, by label (year, level and date are read separately).
_TEXT_FIELDS = {
    schema.INFO_PROVINCE: "province",
    schema.INFO_REGION: "region",
    schema.INFO_ORGANISER: "organiser",
    schema.INFO_DECISION_NO: "decision_no",
    schema.INFO_SIGNER: "signer",
    schema.INFO_SIGNER_TITLE: "signer_title",
    schema.INFO_CERT_PATTERN: "cert_pattern",
    schema.INFO_CONTEST_ID: "contest_id",
    schema.INFO_ISSUER: "issuer",
    schema.INFO_ISSUER_SUPERIOR: "issuer_superior",
    schema.INFO_STANDING_BODY: "standing_body",
    schema.INFO_COUNCIL_CHAIR: "council_chair",
    schema.INFO_COUNCIL_SECRETARY: "council_secretary",
}
# The certificate layouts by label, keys and a few short spellings accepted too.
LAYOUT_ALIASES = {
    **{fold(key): label for key, label in authorities.CERT_LAYOUTS.items()},
    **{fold(word): authorities.CERT_LAYOUTS[key] for key, words in (
        (authorities.LAYOUT_CEREMONIAL, ("Trang trọng", "Khổ ngang", "Ngang")),
        (authorities.LAYOUT_PREPRINTED, ("Phôi", "Phôi in sẵn", "In sẵn")),
    ) for word in words},
}
_LAYOUT_OF_LABEL = {label: key for key, label in authorities.CERT_LAYOUTS.items()}


def rows_from_info(info: ContestInfo) -> Rows:
    """The Thông tin sheet's rows: the header, then one label/value row per schema.INFO_LABELS."""
    values: dict[str, object] = {
        schema.INFO_YEAR: info.year,
        schema.INFO_LEVEL: rules.LEVELS[info.level],
        schema.INFO_DECISION_DATE: info.decision_date,
        schema.INFO_CERT_LAYOUT: authorities.CERT_LAYOUTS.get(info.cert_layout),
    }
    values.update({label: getattr(info, attr) or None for label, attr in _TEXT_FIELDS.items()})
    return [list(schema.INFO_HEADER)] + [[label, values[label]] for label in schema.INFO_LABELS]


def info_from_rows(rows: Rows, sheet: str = schema.SHEET_INFO) -> tuple[ContestInfo | None, list[Finding]]:
    """The contest's facts and all findings; None when the year or the level is unusable."""
    out = Collector(sheet)
    found = label_values(rows, schema.INFO_LABELS)
    for label in REQUIRED:
        if label in found:
            require(out, found[label][0], found[label][1], msg.field_name(label))
    year = _year(found, out)
    level = _level(found, out)
    regional = (schema.INFO_REGION,) if level == "khu-vuc" else ()
    _report_absent_rows(rows, found, REQUIRED + regional, out)
    region = _region(found, level, out)
    decision_date = None
    if schema.INFO_DECISION_DATE in found:
        raw, cell = found[schema.INFO_DECISION_DATE]
        decision_date = read_date(out, raw, cell, msg.field_name(schema.INFO_DECISION_DATE))
    layout = _layout(found, out)
    if year is None or level is None:
        return None, in_sheet_order(out.findings)
    fields = {attr: text(found[label][0]) for label, attr in _TEXT_FIELDS.items() if label in found}
    fields["region"] = region or ""
    fields["cert_layout"] = layout
    if not fields.get("cert_pattern"):
        fields.pop("cert_pattern", None)  # a blank pattern means the default one
    info = ContestInfo(year=year, level=level, decision_date=decision_date, **fields)
    return info, in_sheet_order(out.findings)


def _report_absent_rows(rows: Rows, found: dict, required: tuple[str, ...], out: Collector) -> None:
    """A missing-value for each required label with no row at all, where the row could go."""
    absent = [label for label in required if label not in found]
    if not absent:
        return
    key = header_key(schema.INFO_HEADER[0])
    header_row = next((i for i, r in enumerate(rows) if r and header_key(r[0]) == key), -1)
    cell = first_blank_row(rows, header_row + 1)
    for label in absent:
        out.error("missing-value", cell, msg.MISSING_LABEL_ROW.format(sheet=out.sheet, label=label, cell=cell))


def _year(found: dict, out: Collector) -> int | None:
    if schema.INFO_YEAR not in found:
        return None
    raw, cell = found[schema.INFO_YEAR]
    return read_int(out, raw, cell, msg.field_name(schema.INFO_YEAR), MIN_YEAR, MAX_YEAR, example="2025")


def _level(found: dict, out: Collector) -> str | None:
    """The level key ("tinh"…) of the Cấp bình chọn row, or None."""
    if schema.INFO_LEVEL not in found:
        return None
    raw, cell = found[schema.INFO_LEVEL]
    label = read_choice(out, raw, cell, msg.field_name(schema.INFO_LEVEL), tuple(rules.LEVELS.values()), LEVEL_ALIASES)
    return _KEY_OF_LABEL.get(label) if label else None


def _layout(found: dict, out: Collector) -> str:
    """The certificate layout's key; '' (the default) when blank or not a layout (invalid-choice)."""
    raw, cell = found.get(schema.INFO_CERT_LAYOUT, (None, None))
    if cell is None:
        return ""
    label = read_choice(out, raw, cell, msg.field_name(schema.INFO_CERT_LAYOUT),
                        tuple(authorities.CERT_LAYOUTS.values()), LAYOUT_ALIASES)
    return _LAYOUT_OF_LABEL.get(label, "") if label else ""


def _region(found: dict, level: str | None, out: Collector) -> str | None:
    """The canonical region; required (missing-value) only for a regional contest."""
    raw, cell = found.get(schema.INFO_REGION, (None, None))
    if cell is None:
        return None
    if level == "khu-vuc" and text(raw) == "":
        out.error("missing-value", cell, msg.REGION_REQUIRED.format(cell=cell, options=msg.quoted_list(rules.REGIONS)))
        return None
    return read_choice(out, raw, cell, msg.field_name(schema.INFO_REGION), rules.REGIONS)


# Thông tin: label, value and the note beside technical values, on a portrait page.
INFO_LAYOUT = SheetLayout(header_row=1, widths={1: 32, 2: 40, 3: 60}, wrap_columns=(1, 2, 3))


def with_info_notes(rows: Rows) -> Rows:
    """The Thông tin rows with a Ghi chú column saying what the technical values are."""
    notes = {header_key(label): note for label, note in schema.INFO_NOTES.items()}
    out = [list(r) for r in rows]
    for row in out:
        key = header_key(row[0]) if row else ""
        note = schema.INFO_NOTE_HEADER if key == header_key(schema.INFO_HEADER[0]) else notes.get(key)
        if note:
            row.extend([None] * (2 - len(row)))
            row[2:3] = [note]
    return out
