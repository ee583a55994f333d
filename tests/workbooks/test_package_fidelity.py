"""Issue 11: what a person added to the contest workbook survives validate, judges, results, import and documents.

The person's parts (person_package.py) are a sheet of their own with COUNTIF formulas over Đăng ký
holding cached values and a chart over its cells, a pivot table with its cache, an Excel-2010 list
validation and a sparkline group in Đăng ký's extLst, a conditional format and formatting on Đăng ký,
a defined name, shared strings and a custom XML part. The commands run as a person runs them (the
`binhchon` console script); the file is then opened in LibreOffice.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

import package_view as pv
import person_parts as pp
from person_package import PERSON_NAME, PERSON_SHEET, PERSON_STYLED, add_person_parts, person_entries, person_sheet
from xl_addin.domain import schema
from xl_addin.domain.sheets.registrations import rows_from_registrations
from xl_addin.domain.models import Registration
from xl_addin.domain.sample.programme import sample_programme
from xl_addin.usecases.demo import fill_inputs, play_judges

STEPS = ("validate", "judges", "results", "import", "documents")
TOOL_SHEETS = schema.CONTEST_SHEETS + (schema.SHEET_LISTS,)  # input sheets too: the tool marks and appends there
OPENPYXL_WARNING = "extension is not supported"


@dataclass
class Workflow:
    """The person's workbook before the tool touched it, a copy after each command, and what each printed."""

    original: Path
    after: dict[str, Path]
    runs: dict[str, subprocess.CompletedProcess]
    registrations: list[Registration]  # the sample's and the imported ones, in Đăng ký's order


def binhchon(*argv: str) -> subprocess.CompletedProcess:
    """The console script, as a person runs it; stdout and stderr captured."""
    exe = Path(sys.executable).with_name("binhchon")
    return subprocess.run([str(exe), *argv], capture_output=True, text=True, timeout=600)


def imported_products() -> list[Registration]:
    """Two products a district sends: new codes, names and establishments."""
    sample = sample_programme().registrations
    return [dataclasses.replace(r, code=f"LN-{i}", name=f"{r.name} Lục Ngạn", establishment=f"{r.establishment} Lục Ngạn")
            for i, r in enumerate(sample[:2], 1)]


def plain_list(path: Path, registrations: list[Registration]) -> Path:
    """A plain list in the Đăng ký layout, as a district sends it."""
    wb = openpyxl.Workbook()
    wb.active.title = schema.SHEET_REGISTRATIONS
    for row in rows_from_registrations(registrations):
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def person_workbook(tmp_path_factory) -> Path:
    """A contest folder (init + the sample's inputs) whose workbook then got the person's parts."""
    folder = tmp_path_factory.mktemp("fidelity") / "bg2019"
    done = binhchon("init", str(folder), "--year", "2019", "--level", "tinh", "--province", "Bắc Giang")
    assert done.returncode == 0, done.stdout + done.stderr
    fill_inputs(folder / schema.CONTEST_FILE)
    add_person_parts(folder / schema.CONTEST_FILE, list(sample_programme().registrations))
    return folder / schema.CONTEST_FILE


@pytest.fixture(scope="module")
def workflow(person_workbook, tmp_path_factory) -> Workflow:
    """validate, judges (then the judges score), results, import and documents, a copy kept after each."""
    root = tmp_path_factory.mktemp("workflow")
    folder = root / "bg2019"
    shutil.copytree(person_workbook.parent, folder)
    district = plain_list(root / "luc_ngan.xlsx", imported_products())
    argv = {"validate": [], "judges": [], "results": [], "import": [str(district)], "documents": []}
    after, runs = {}, {}
    for step in STEPS:
        runs[step] = binhchon(step, str(folder), *argv[step])
        if step == "judges":
            play_judges(folder)
        after[step] = shutil.copy(folder / schema.CONTEST_FILE, root / f"after_{step}.xlsx")
    return Workflow(person_workbook, after, runs, list(sample_programme().registrations) + imported_products())


# LibreOffice trusts an .xlsx's cached values unless told otherwise ("never recalculate" is its default
# for Excel 2007+ files); Excel itself recalculates on load, as calcPr's fullCalcOnLoad asks.
ALWAYS_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="module")
def office(soffice, tmp_path_factory) -> tuple[str, Path]:
    """soffice and one LibreOffice profile for the module, set to recalculate every formula on load."""
    profile = tmp_path_factory.mktemp("lo-profile")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(ALWAYS_RECALCULATE, encoding="utf-8")
    return soffice, profile


def convert(office: tuple[str, Path], source: Path, fmt: str, out_dir: Path) -> Path:
    """source converted by LibreOffice headless (xlsx: a recalculated copy; pdf: every visible sheet printed)."""
    soffice, profile = office
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(out_dir), str(source)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    converted = out_dir / f"{source.stem}.{fmt}"
    assert converted.is_file(), f"LibreOffice could not open {source.name}: {done.stdout} {done.stderr}"
    return converted


def pdf_text(pdf: Path) -> str:
    """The PDF's text, by poppler's pdftotext."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def person_totals(path: Path) -> list:
    """The person's B column (counts per group, then the total) as the file's cached values say."""
    ws = openpyxl.load_workbook(path, data_only=True)[PERSON_SHEET]
    return [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value]


def expected_totals(registrations: list[Registration]) -> list[int]:
    """Counts per group in the person's order, then their sum, worked out from the registrations."""
    sheet = person_sheet(list(sample_programme().registrations))
    counts = [sum(1 for r in registrations if r.group == g) for g, _ in sheet.counts]
    return counts + [sum(counts)]


def assert_person_sheet_understood(copy: Path, registrations: list[Registration]) -> None:
    """LibreOffice's copy has the tool's sheets and the person's, with its chart, pivot table and recalculated totals."""
    pkg = pv.entries(copy)
    sheets = pv.sheet_parts(pkg)
    assert {PERSON_SHEET, schema.SHEET_FINDINGS, schema.SHEET_RESULTS} <= set(sheets)
    kinds = {kind.rsplit("/", 1)[1]: target for _, kind, target in pv.relationships(pkg, sheets[PERSON_SHEET])}
    assert "pivotTable" in kinds and kinds["pivotTable"] in pkg
    charts = [t for _, kind, t in pv.relationships(pkg, kinds["drawing"]) if kind.endswith("/chart")]
    assert charts and pp.CHART_TITLE.encode() in pkg[charts[0]]
    assert person_totals(copy) == expected_totals(registrations)  # LibreOffice recalculated the formulas


def assert_x14_understood(copy: Path) -> None:
    """LibreOffice's copy of Đăng ký has the sparkline group and the list validation over the person's communes."""
    pkg = pv.entries(copy)
    registrations_xml = pkg[pv.sheet_parts(pkg)[schema.SHEET_REGISTRATIONS]].decode()
    assert "x14:sparklineGroup" in registrations_xml, "the sparklines are gone from Đăng ký"
    assert f"&apos;{PERSON_SHEET}&apos;!$G$2" in registrations_xml, "the list validation over the person's sheet is gone"


# --- Now: the builder's parts are valid, the commands run, LibreOffice opens the file -------------------

def test_the_persons_parts_are_a_valid_package(person_workbook):
    pkg = pv.entries(person_workbook)
    for name, data in pkg.items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(data)  # well-formed
        if not name.endswith(".rels") and name != pv.CONTENT_TYPES:
            assert pv.content_type(pkg, name), f"{name} has no content type"
    for name in [n for n in pkg if n.endswith(".rels")]:
        source = name.replace("_rels/", "").removesuffix(".rels")
        for _, _, target in pv.relationships(pkg, source):
            assert target in pkg, f"{name} points at {target}, which is missing"
    assert pv.defined_names(pkg)[PERSON_NAME] == f"'{PERSON_SHEET}'!$B$6"
    sample = list(sample_programme().registrations)
    assert person_totals(person_workbook) == expected_totals(sample)  # the cached values, as typed by the builder
    assert pv.ext_list(pkg, schema.SHEET_REGISTRATIONS).count(b"<ext ") == 2
    # What the byte-for-byte check covers: the person's parts and the package parts the tool never writes.
    added = set(person_entries(person_sheet(sample), pv.sheet_parts(pkg)[PERSON_SHEET]))
    assert set(pkg) - pv.owned_parts(pkg, TOOL_SHEETS) == added | {"_rels/.rels", "docProps/core.xml",
                                                                   "xl/theme/theme1.xml"}


def test_libreoffice_opens_the_persons_workbook_before_the_tool_runs(person_workbook, office, tmp_path):
    copy = convert(office, person_workbook, "xlsx", tmp_path / "xlsx")
    assert_person_sheet_understood(copy, list(sample_programme().registrations))
    assert_x14_understood(copy)
    text = pdf_text(convert(office, person_workbook, "pdf", tmp_path / "pdf"))
    assert pp.CHART_TITLE in text and "Xã/phường" in text


def test_every_command_runs_on_the_persons_workbook(workflow):
    for step, done in workflow.runs.items():
        assert done.returncode == 0, f"{step}: {done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, step
    assert "Đã thêm 2 sản phẩm" in workflow.runs["import"].stdout


def test_the_persons_defined_name_and_formatting_are_kept(workflow):
    before = pv.entries(workflow.original)
    style = openpyxl.load_workbook(workflow.original)[schema.SHEET_REGISTRATIONS]
    for step, path in workflow.after.items():
        after = pv.entries(path)
        assert pv.defined_names(after).get(PERSON_NAME) == pv.defined_names(before)[PERSON_NAME], step
        ws = openpyxl.load_workbook(path)[schema.SHEET_REGISTRATIONS]
        for ref in PERSON_STYLED:
            kept, was = ws[ref], style[ref]
            assert (kept.font.b, kept.font.i, kept.font.color.rgb) == (True, True, "FF1F4E79"), (step, ref)
            assert kept.fill.fgColor.rgb == was.fill.fgColor.rgb == "FFFFF2CC", (step, ref)
            assert kept.value == was.value, (step, ref)


@pytest.fixture(scope="module")
def final_copy(workflow, office, tmp_path_factory) -> Path:
    """LibreOffice's recalculated copy of the workbook after every command."""
    return convert(office, workflow.after["documents"], "xlsx", tmp_path_factory.mktemp("final"))


def test_sheet_local_names_still_belong_to_their_sheets(workflow):
    # The person's tab sits between Đăng ký and Giám khảo: every print title and filter after it moved one place.
    for step, path in {"before": workflow.original, **workflow.after}.items():
        names = pv.local_names(pv.entries(path))
        assert names and all(refers.startswith(f"'{sheet}'!") for _, sheet, refers in names), (step, names)


def test_libreoffice_opens_the_workbook_after_the_tool_with_the_chart_and_the_tools_sheets(workflow, final_copy,
                                                                                         office, tmp_path):
    assert_person_sheet_understood(final_copy, workflow.registrations)
    text = pdf_text(convert(office, workflow.after["documents"], "pdf", tmp_path))
    assert pp.CHART_TITLE in text
    assert schema.FINDINGS_HEADERS[-1] in text and schema.RES_RANK in text  # Kiểm tra's and Kết quả's headers
    assert "Lục Ngạn" in text  # the imported rows, printed in Đăng ký


# --- Pending the package-level save: byte for byte, the extLst as it was, no openpyxl warning ----------

@pytest.mark.parametrize("step", STEPS)
def test_every_part_not_the_tools_is_byte_identical_and_still_in_the_package(workflow, step):
    before, after = pv.entries(workflow.original), pv.entries(workflow.after[step])
    person = [n for n in before if n not in pv.owned_parts(before, TOOL_SHEETS)]
    assert "xl/charts/chart1.xml" in person and "customXml/item1.xml" in person  # the owned set is not everything
    changed = [n for n in person if after.get(n) != before[n]]
    assert not changed, f"after {step}, changed or missing: {changed}"
    retyped = [n for n in person if pv.content_type(after, n) != pv.content_type(before, n)]
    assert not retyped, f"after {step}, content type changed: {retyped}"
    targets = {t for rels in after if rels.endswith(".rels")
               for _, _, t in pv.relationships(after, rels.replace("_rels/", "").removesuffix(".rels"))}
    orphans = [n for n in person if not n.endswith(".rels") and n not in targets and n != pv.CONTENT_TYPES]
    assert not orphans, f"after {step}, no relationship points at: {orphans}"
    assert pv.sheet_parts(after)[PERSON_SHEET] == pv.sheet_parts(before)[PERSON_SHEET]


@pytest.mark.parametrize("step", STEPS)
def test_registrations_keep_the_x14_validation_sparklines_and_conditional_format(workflow, step):
    before, after = pv.entries(workflow.original), pv.entries(workflow.after[step])
    sheet = schema.SHEET_REGISTRATIONS
    assert pv.ext_list(after, sheet) == pv.ext_list(before, sheet), step
    assert pv.element(after, sheet, "conditionalFormatting") == pv.element(before, sheet, "conditionalFormatting")


def test_libreoffice_still_finds_the_x14_validation_and_sparklines_after_the_tool(final_copy):
    assert_x14_understood(final_copy)


def test_the_persons_formulas_keep_their_cached_values(workflow):
    cached = expected_totals(list(sample_programme().registrations))  # as the person's Excel last computed them
    assert {step: person_totals(path) for step, path in workflow.after.items()} == {step: cached for step in STEPS}


def test_validate_prints_no_openpyxl_warning(workflow):
    # Only validate meets the extensions first: on today's main the later commands get a file without them.
    assert OPENPYXL_WARNING not in workflow.runs["validate"].stderr
