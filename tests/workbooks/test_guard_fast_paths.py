"""The package scan's shortcuts refuse what the long way refuses: cells counted without a match per cell,
and a part met again (the same bytes) not parsed again, but never a different part that only looks alike."""

from __future__ import annotations

import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin import ooxml_guard
from xl_addin.ooxml_guard import PackageRefused, inspect_package

from test_package_scan import _zip

_CELL = re.compile(rb"<c[\s/>]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")


@settings(max_examples=400)
@given(st.lists(st.sampled_from([b"<c ", b'<c r="A1"', b"<c>", b"<c/>", b"<c\t", b"<c\n", b"<c\r", b"<col ",
                                 b"<cols>", b"<x:c ", b":c>", b"c ", b"<", b"a", b" "]), max_size=30))
def test_cells_are_counted_as_every_form_is_matched(pieces):
    xml = b"".join(pieces)
    assert ooxml_guard._count_cells(xml) == len(_CELL.findall(xml)) + (
        len(_PREFIXED.findall(xml)) if re.search(rb":c[\s/>]", xml) else 0)


def _sheet(rows: int, tail: bytes = b"") -> bytes:
    cells = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(1, rows + 1))
    return b'<worksheet xmlns="x"><sheetData>' + cells + b"</sheetData>" + tail + b"</worksheet>"


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The parts expat parses, in order (a fresh memory of passed parts)."""
    monkeypatch.setattr(ooxml_guard, "_PASSED", {})
    names: list[str] = []
    real = ooxml_guard._parse_xml

    def spy(zf, info, chunks, keep):
        names.append(info.filename)
        return real(zf, info, chunks, keep)

    monkeypatch.setattr(ooxml_guard, "_parse_xml", spy)
    return names


def test_a_part_met_again_is_not_parsed_again_but_still_counted_and_kept(parsed):
    snapshot = _sheet(2_000)
    assert len(snapshot) > ooxml_guard.REMEMBER_MIN
    for judge in ("GK01", "GK02"):
        own = _sheet(1_000 + len(judge), b"<!-- " + judge.encode() + b" -->")
        stats = inspect_package(_zip({"xl/worksheets/sheet1.xml": own, "xl/worksheets/sheet3.xml": snapshot}),
                                cell_parts="xl/worksheets/", keep=lambda name: True)
        assert stats.cells == {"xl/worksheets/sheet1.xml": 1_000 + len(judge), "xl/worksheets/sheet3.xml": 2_000}
        assert stats.parts["xl/worksheets/sheet3.xml"] == snapshot
    assert parsed == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet1.xml"]


def test_a_part_that_only_shares_the_size_and_crc_of_a_passed_one_is_parsed_and_refused(parsed):
    bad = b'<!DOCTYPE x [<!ENTITY a "b">]>' + _sheet(2_000)
    info_crc = zipfile.crc32(bad)
    ooxml_guard._PASSED[(len(bad), info_crc)] = b"x" * len(bad)  # a collision, forged
    with pytest.raises(PackageRefused) as refused:
        inspect_package(_zip({"xl/worksheets/sheet1.xml": bad}))
    assert "DOCTYPE" in refused.value.detail and parsed == ["xl/worksheets/sheet1.xml"]


def test_a_malformed_part_read_whole_is_reported_at_the_line_and_column_the_stream_gives(parsed, monkeypatch):
    broken = _sheet(3_000).replace(b'<row r="1500">', b'<row r="1500">\n  <c r="A0">', 1)
    details = []
    for whole in (True, False):  # read whole (remembered size) and streamed (the long way)
        monkeypatch.setattr(ooxml_guard, "REMEMBER_MAX", 64 * ooxml_guard.MB if whole else 0)
        with pytest.raises(PackageRefused) as refused:
            inspect_package(_zip({"xl/worksheets/sheet1.xml": broken}))
        details.append(refused.value.detail)
    assert details[0] == details[1] and "dòng 2" in details[0]
    assert ooxml_guard._PASSED == {}  # a refused part is never remembered


def test_the_memory_of_passed_parts_is_bounded(parsed, monkeypatch):
    monkeypatch.setattr(ooxml_guard, "REMEMBER_TOTAL", 3 * len(_sheet(2_000)))
    for n in range(2_000, 2_006):
        inspect_package(_zip({"xl/worksheets/sheet1.xml": _sheet(n)}))
    assert sum(map(len, ooxml_guard._PASSED.values())) <= ooxml_guard.REMEMBER_TOTAL
    assert len(ooxml_guard._PASSED) == 2 and (len(_sheet(2_005)), zipfile.crc32(_sheet(2_005))) in ooxml_guard._PASSED
