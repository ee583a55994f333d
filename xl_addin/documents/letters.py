"""The mail-merged invitation to register again: one letter per establishment and one print file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import register_schema as rs
from ..domain import rules
from ..domain.register_views import CertificateLine, by_establishment
from ..domain.vndate import dmy, vn_date, vn_date_line
from . import pdf as pdf_mod
from . import zippkg
from .contexts import clean
from .merge import merge_bodies, split_document
from .render import DOCUMENT_XML, TemplateRenderer
from .safety import safe_filename, sandbox_env, write_file
from .letters_template import LETTER
from .templates import template_path

LETTER_FIELDS: dict = dict.fromkeys((
    "parent_agency", "agency", "agency_name", "letter_no", "date_line", "establishment", "address", "expiry_year",
    "signer", "signer_title",
)) | {"products": dict.fromkeys(("stt", "product_name", "recognition", "cert_no", "valid_until"))}
DEFAULT_LETTER_NO = "……/SCT-KC"
DEFAULT_SIGNER_TITLE = "GIÁM ĐỐC"


@dataclass(frozen=True)
class Sender:
    """Who sends the letters: the agency under its parent, the signer, the place and date."""

    agency: str
    parent_agency: str = ""
    place: str = ""
    signer: str = ""
    signer_title: str = DEFAULT_SIGNER_TITLE
    letter_no: str = DEFAULT_LETTER_NO
    date: dt.date = field(default_factory=dt.date.today)


def default_sender(province: str, today: dt.date) -> Sender:
    """The provincial Department of Industry and Trade of the register's province."""
    province = clean(province)
    return Sender(agency=f"Sở Công Thương tỉnh {province}" if province else "Sở Công Thương",
                  parent_agency=f"Ủy ban nhân dân tỉnh {province}" if province else "", place=province, date=today)


@dataclass
class LettersOutcome:
    """The letters written and the print file."""

    files: list[Path] = field(default_factory=list)
    merged: Path | None = None
    pdf_files: list[Path] = field(default_factory=list)
    pdf_message: str | None = None


def letter_context(sender: Sender, year: int, lines: list[CertificateLine]) -> dict:
    """The letter to one establishment about its certificates ending in year."""
    first = lines[0]
    products = [{
        "stt": str(i), "product_name": clean(line.product_name),
        "recognition": f"{rules.LEVELS.get(line.level, line.level)} {line.year}", "cert_no": clean(line.cert_no),
        "valid_until": dmy(line.valid_until) if line.valid_until else "",
    } for i, line in enumerate(lines, start=1)]
    agency = clean(sender.agency)
    return {
        "parent_agency": clean(sender.parent_agency), "agency": agency, "agency_name": agency,
        "letter_no": clean(sender.letter_no),
        "date_line": vn_date_line(clean(sender.place), sender.date) if sender.place else vn_date(sender.date),
        "establishment": clean(first.establishment_name), "address": clean(first.address), "expiry_year": str(year),
        "signer": clean(sender.signer), "signer_title": clean(sender.signer_title), "products": products,
    }


def write_letters(lines: list[CertificateLine], year: int, sender: Sender, out_dir: Path, *, pdf: bool = False,
                  templates_dir: Path | None = None) -> LettersOutcome:
    """Write one letter per establishment into out_dir and the merged print file thu_moi_tat_ca.docx."""
    renderer = TemplateRenderer(template_path(templates_dir, LETTER), LETTER_FIELDS, sandbox_env())
    out_dir.mkdir(parents=True, exist_ok=True)
    outcome, bodies, first, used = LettersOutcome(), [], None, set()
    for head_line, group in by_establishment(lines):
        data = renderer.render(letter_context(sender, year, group))
        entries = zippkg.read_entries(data)
        xml = zippkg.unpack(next(e for e in entries if e.name == DOCUMENT_XML))
        head, body, tail = split_document(xml)
        first = first or (entries, head, tail)
        bodies.append(body)
        path = out_dir / f"{_stem(head_line, used)}.docx"
        write_file(path, data)
        outcome.files.append(path)
    if first is not None:
        entries, head, tail = first
        outcome.merged = out_dir / rs.LETTERS_MERGED
        write_file(outcome.merged, zippkg.build(entries, {DOCUMENT_XML: merge_bodies(head, bodies, tail)}))
    if pdf and outcome.merged is not None:  # each letter's PDF and the print file's, in one LibreOffice call
        outcome.pdf_files, outcome.pdf_message = pdf_mod.convert([*outcome.files, outcome.merged], out_dir,
                                                                 pdf_mod.timeout_for(len(outcome.files) * 4))
    return outcome


def _stem(line: CertificateLine, used: set[str]) -> str:
    """thu_moi_<tax number or register id>_<name>, unique in the folder."""
    key = line.tax_code or f"co-so-{line.establishment_id}"
    stem = safe_filename(f"thu_moi_{key}_{line.establishment_name}")[:90]
    base, n = stem, 2
    while stem.lower() in used:
        stem, n = f"{base}-{n}", n + 1
    used.add(stem.lower())
    return stem
