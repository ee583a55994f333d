"""Who issues, keeps the council and signs, by level; the Thông tin rows that hold them."""

import pytest

from xl_addin.domain.authorities import (
    LAYOUT_CEREMONIAL, LAYOUT_PREPRINTED, document_place, has_placeholder, level_defaults, with_level_defaults,
)
from xl_addin.domain.sheets.info import info_from_rows, rows_from_info
from xl_addin.domain.models import ContestInfo


@pytest.mark.parametrize("level, province, issuer, superior, standing, title", [
    ("tinh", "Bắc Giang", "Ủy ban nhân dân tỉnh Bắc Giang", "", "Sở Công Thương tỉnh Bắc Giang",
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    ("tinh", "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", "", "Sở Công Thương thành phố Hà Nội",
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    ("tinh", "TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh", "",
     "Sở Công Thương thành phố Hồ Chí Minh", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    ("khu-vuc", "Bắc Ninh", "Cục Công Thương địa phương", "Bộ Công Thương", "Cục Công Thương địa phương",
     "CỤC TRƯỞNG"),
    ("quoc-gia", "", "Bộ Công Thương", "", "Cục Công Thương địa phương", "BỘ TRƯỞNG"),
    ("xa", "Bắc Ninh", "Ủy ban nhân dân xã …", "", "Phòng Kinh tế xã …", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
])
def test_defaults_by_level(level, province, issuer, superior, standing, title):
    assert level_defaults(level, province) == {
        "issuer": issuer, "issuer_superior": superior, "standing_body": standing, "signer_title": title}


def test_blank_roles_take_the_level_default_and_typed_ones_stay():
    info = ContestInfo(year=2025, level="tinh", province="Bắc Ninh", signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    filled = with_level_defaults(info)
    assert (filled.issuer, filled.standing_body) == ("Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Công Thương tỉnh Bắc Ninh")
    assert filled.signer_title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" and filled.cert_layout == LAYOUT_CEREMONIAL
    typed = with_level_defaults(ContestInfo(year=2025, level="tinh", province="Bắc Ninh", issuer="UBND tỉnh Bắc Ninh",
                                            organiser="Trung tâm Khuyến công", cert_layout=LAYOUT_PREPRINTED))
    # The organiser typed in "Cơ quan tổ chức" stands in for a blank standing body.
    assert (typed.issuer, typed.standing_body, typed.cert_layout) == (
        "UBND tỉnh Bắc Ninh", "Trung tâm Khuyến công", LAYOUT_PREPRINTED)
    # What init writes into a new Thông tin: the level's defaults.
    fresh = ContestInfo(year=2025, level="tinh", province="Bắc Ninh").with_level_defaults()
    assert (fresh.issuer, fresh.signer_title) == ("Ủy ban nhân dân tỉnh Bắc Ninh", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")


def test_a_commune_default_asks_for_the_name():
    info = with_level_defaults(ContestInfo(year=2026, level="xa", province="Bắc Ninh"))
    assert has_placeholder(info.issuer) and has_placeholder(info.standing_body)
    assert not has_placeholder("Ủy ban nhân dân xã Tân Dĩnh")


@pytest.mark.parametrize("level, issuer, place", [
    ("tinh", "", "Bắc Giang"), ("khu-vuc", "", "Hà Nội"), ("quoc-gia", "", "Hà Nội"),
    ("xa", "Ủy ban nhân dân xã Tân Dĩnh", "Tân Dĩnh"), ("xa", "Ủy ban nhân dân xã …", "Bắc Giang"),
])
def test_place_of_the_date_line(level, issuer, place):
    assert document_place(ContestInfo(year=2026, level=level, province="Bắc Giang", issuer=issuer)) == place


def _rows(**values):
    base = {"Năm": 2025, "Cấp bình chọn": "Tỉnh", "Tỉnh": "Bắc Ninh", "Cơ quan tổ chức": "Sở Công Thương tỉnh Bắc Ninh"}
    return [["Mục", "Giá trị"]] + [[k, v] for k, v in {**base, **values}.items()]


def test_the_roles_are_read_from_their_rows():
    info, findings = info_from_rows(_rows(**{
        "Cơ quan ban hành quyết định, cấp giấy chứng nhận": "Ủy ban nhân dân tỉnh Bắc Ninh",
        "Cơ quan thường trực Hội đồng": "Sở Công Thương tỉnh Bắc Ninh",
        "Chủ tịch Hội đồng": "Trần Văn A", "Thư ký Hội đồng": "Lê Thị B",
        "Chức vụ người ký": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "Mẫu trình bày giấy chứng nhận": "phôi in sẵn",
    }))
    assert findings == []
    assert (info.issuer, info.standing_body, info.council_chair, info.council_secretary) == (
        "Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Công Thương tỉnh Bắc Ninh", "Trần Văn A", "Lê Thị B")
    assert info.signer_title.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert info.cert_layout == LAYOUT_PREPRINTED
    assert info_from_rows(rows_from_info(info)) == (info, [])


def test_an_unknown_layout_is_an_invalid_choice_at_its_cell():
    rows = _rows(**{"Mẫu trình bày giấy chứng nhận": "Khổ dọc"})
    info, findings = info_from_rows(rows)
    assert [(f.code, f.cell) for f in findings] == [("invalid-choice", "B6")]
    assert "Trang trọng, khổ ngang" in findings[0].message and info.cert_layout == ""
