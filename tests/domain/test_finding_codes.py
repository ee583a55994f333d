"""Every finding code the tool can emit is in the catalogue and in the README's table of codes."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from xl_addin import errors
from xl_addin.domain import authorities, rules, worksheet_functions
from xl_addin.domain.finding_codes import CATALOGUE, CODES, label
from xl_addin.domain.findings import ERROR, WARNING, error

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "xl_addin"
CATALOGUE_FILE = PACKAGE / "domain" / "finding_codes.py"
KEBAB = re.compile(r"^[a-z]+(?:-[a-z]+)+$")
# Kebab-case strings that are not finding codes: level keys and the worksheet functions' own
# error keys (shown in the cell as "#LỖI: …", never as a finding).
NOT_CODES = set(rules.LEVELS) | set(worksheet_functions.MESSAGES) | set(authorities.CERT_LAYOUTS) | {"nghi-trung", "too-long", "trailing-dot"}  # keys, sub-commands, reasons


def emitted_codes() -> dict[str, list[str]]:
    """Every kebab-case string literal of xl_addin/ (outside the catalogue): code -> ["file:line", …]."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == CATALOGUE_FILE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEBAB.match(node.value):
                if node.value not in NOT_CODES:
                    found[node.value].append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def error_class_codes() -> dict[str, list[str]]:
    """The code of every failure class (what `--json` callers get for it)."""
    classes, todo = [], [errors.BinhchonError]
    while todo:
        cls = todo.pop()
        classes.append(cls)
        todo.extend(cls.__subclasses__())
    found: dict[str, list[str]] = defaultdict(list)
    for cls in classes:
        found[cls.code].append(f"{cls.__module__}.{cls.__name__}")
    return found


def readme_codes() -> set[str]:
    """The codes of the README's table under "### Finding codes"."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Finding codes", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M))


def test_the_scan_sees_codes_emitted_directly_and_through_tables():
    found = emitted_codes()
    # passed to error()/warning() directly, through a table of checks, and through _Alerts._add
    assert {"missing-sheet", "invalid-tax-code", "judge-spread", "nothing-proposed"} <= set(found)
    assert "khu-vuc" not in found and "bad-date" not in found


def test_every_emitted_code_is_catalogued_and_in_the_readme():
    emitted = emitted_codes()
    for code, where in error_class_codes().items():
        emitted[code].extend(where)
    in_readme = readme_codes()
    problems = []
    for code, where in sorted(emitted.items()):
        missing = [name for name, ok in (("xl_addin/domain/finding_codes.py CODES", code in CATALOGUE),
                                         ("README.md table “Finding codes”", code in in_readme)) if not ok]
        if missing:
            problems.append(f"code “{code}” (emitted at {', '.join(where[:3])}) is missing from: {'; '.join(missing)}")
    assert not problems, ("Add each code below to the catalogue (code, severities, Vietnamese label, template) and "
                          "as a row of the README's table; if it is not a finding code, add it to NOT_CODES here.\n"
                          + "\n".join(problems))


def test_the_readme_and_the_catalogue_list_the_same_codes():
    assert readme_codes() == set(CATALOGUE), (
        f"only in README: {sorted(readme_codes() - set(CATALOGUE))}; "
        f"only in the catalogue: {sorted(set(CATALOGUE) - readme_codes())}")


def test_catalogue_entries_are_well_formed():
    assert len(CODES) == len(CATALOGUE), "a code is listed twice"
    for entry in CODES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", entry.code), entry.code
        assert entry.severities and set(entry.severities) <= {ERROR, WARNING}, entry.code
        assert entry.label and entry.label != entry.code and entry.label[0].isupper(), entry.code
        assert entry.template is None or entry.template.strip().endswith("."), entry.code


def test_every_failure_gets_a_catalogued_json_code():
    from xl_addin.cli import failure_finding

    for code in error_class_codes():
        assert code in CATALOGUE
    assert failure_finding(errors.BlockedError("x")).code == "blocked"
    assert failure_finding(errors.WorkbookLockedError("x")).code == "workbook-locked"
    assert failure_finding(errors.BinhchonError("x")).code == "not-done"


def test_a_label_is_looked_up_and_an_unknown_code_shows_itself():
    assert label("incomplete-dossier") == "Hồ sơ chưa đủ"
    assert label("some-new-code") == "some-new-code"


@pytest.mark.parametrize(("cell", "row"), [("F7", 7), ("AB120", 120), ("$C$3", 3), ("", None), ("A", None)])
def test_a_finding_carries_its_row(cell, row):
    assert error("missing-value", "Đăng ký", cell, "…").row == row
    assert error("missing-value", "Đăng ký", cell, "…", row=42).row == 42
    assert error("missing-value", "Đăng ký", cell, "…").as_dict()["row"] == row
