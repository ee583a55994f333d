"""Every code the tool turns into a file name is checked at validation, with a finding at its cell:
reserved Windows names, overlong codes, trailing dots, two codes that make one file."""

from __future__ import annotations

import json

from xl_addin.domain import schema

from .bad_files import edit
from .conftest import hashes

REG, JUDGES = schema.SHEET_REGISTRATIONS, schema.SHEET_JUDGES


def at(found, sheet, cell):
    return [f for f in found if f["sheet"] == sheet and f["cell"] == cell]


def validate(cli, folder):
    run = cli("validate", folder, "--json")
    return run, json.loads(run.out)


def test_a_judge_coded_con_is_refused_before_any_file_is_made(contest, cli):
    edit(contest / schema.CONTEST_FILE, lambda wb: wb[JUDGES].__setitem__("A3", "CON"))
    run, found = validate(cli, contest)
    (f,) = [f for f in at(found, JUDGES, "A3") if f["code"] == "file-name-reserved"]
    assert run.code == 1 and "“CON”" in f["message"] and "Windows" in f["message"] and "Ô A3" in f["message"]
    before = hashes(contest / schema.JUDGES_DIR)
    run = cli("judges", contest)
    assert run.code == 1 and "Chưa tạo phiếu chấm" in run.err
    assert hashes(contest / schema.JUDGES_DIR) == before and not (contest / schema.JUDGES_DIR / "CON.xlsx").exists()


def test_a_300_character_judge_code_is_a_finding_not_a_crash(contest, cli):
    edit(contest / schema.CONTEST_FILE, lambda wb: wb[JUDGES].__setitem__("A2", "GK" + "9" * 298))
    run, found = validate(cli, contest)
    (f,) = [f for f in at(found, JUDGES, "A2") if f["code"] == "file-name-too-long"]
    assert run.code == 1 and "300 ký tự" in f["message"] and "tối đa 50" in f["message"]
    run = cli("judges", contest)
    assert run.code == 1 and not list((contest / schema.JUDGES_DIR).glob("GK9*"))


def test_two_product_codes_that_make_one_certificate_file(contest, cli):
    def clash(wb):
        ws = wb[REG]
        ws["A2"], ws["A3"] = "BG/001", "bg_001"
    edit(contest / schema.CONTEST_FILE, clash)
    run, found = validate(cli, contest)
    (f,) = [f for f in at(found, REG, "A3") if f["code"] == "file-name-collision"]
    assert run.code == 1 and "“BG/001”" in f["message"] and "A2" in f["message"] and "“bg_001”" in f["message"].lower()


def test_reserved_and_trailing_dot_product_codes(contest, cli):
    def names(wb):
        ws = wb[REG]
        ws["A2"], ws["A3"] = "nul", "BG-003."
    edit(contest / schema.CONTEST_FILE, names)
    run, found = validate(cli, contest)
    assert run.code == 1
    assert "file-name-reserved" in [f["code"] for f in at(found, REG, "A2")]
    assert "file-name-trailing-dot" in [f["code"] for f in at(found, REG, "A3")]


def test_ordinary_codes_raise_nothing(contest, cli):
    run, found = validate(cli, contest)
    assert run.code == 0 and not [f for f in found if f["code"].startswith("file-name")]
