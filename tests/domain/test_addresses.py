"""Addresses as documents print them: abbreviations spelled out, each unit named once."""

import pytest

from xl_addin.domain.addresses import expand, join_address, unit_and_name


@pytest.mark.parametrize("typed, spelled", [
    ("TP. Bắc Giang", "thành phố Bắc Giang"), ("TX.Việt Yên", "thị xã Việt Yên"), ("H. Lục Ngạn", "huyện Lục Ngạn"),
    ("Q. 1", "quận 1"), ("P. Hoàng Văn Thụ", "phường Hoàng Văn Thụ"), ("X. Tân Dĩnh", "xã Tân Dĩnh"),
    ("tt. Neo", "thị trấn Neo"), ("Thôn Hạ", "Thôn Hạ"), ("Hà Nội", "Hà Nội"), ("P.", "P."),
])
def test_abbreviations_are_spelled_out(typed, spelled):
    assert expand(typed) == spelled


def test_unit_and_name_ignores_case_diacritics_and_abbreviations():
    assert unit_and_name("TP. Bắc Giang") == ("thành phố", "bac giang")
    assert unit_and_name("Thành phố Bắc Giang") == ("thành phố", "bac giang")
    assert unit_and_name("Bắc Giang") == (None, "bac giang")


def test_the_issue_example_names_the_city_once():
    # The address already names the city and the province; the district column abbreviates the city.
    address = join_address("Số 5, phố Chợ, thành phố Bắc Giang, tỉnh Bắc Giang", "", "TP. Bắc Giang", "Bắc Giang")
    assert address == "Số 5, phố Chợ, thành phố Bắc Giang, tỉnh Bắc Giang"


def test_a_city_is_not_its_province():
    # "thành phố Bắc Giang" is a district-level city: the province still has to be named.
    assert join_address("Số 5, phố Chợ", "P. Trần Phú", "TP. Bắc Giang", "Bắc Giang") == (
        "Số 5, phố Chợ, phường Trần Phú, thành phố Bắc Giang, tỉnh Bắc Giang")


def test_a_centrally_run_city_is_its_province():
    assert join_address("Thôn Phú Vinh, xã Phú Nghĩa, huyện Chương Mỹ, TP. Hà Nội", "Phú Nghĩa", "H. Chương Mỹ",
                        "Hà Nội") == "Thôn Phú Vinh, xã Phú Nghĩa, huyện Chương Mỹ, thành phố Hà Nội"
    assert join_address("Số 1", "", "", "Hà Nội") == "Số 1, thành phố Hà Nội"


def test_bare_names_in_the_columns_match_the_units_in_the_address():
    assert join_address("thôn Thổ Hà, xã Vân Hà, huyện Việt Yên, tỉnh Bắc Giang", "Vân Hà", "Việt Yên",
                        "Bắc Giang") == "thôn Thổ Hà, xã Vân Hà, huyện Việt Yên, tỉnh Bắc Giang"


def test_a_commune_named_like_its_district_is_kept():
    # xã Tân Yên and huyện Tân Yên are two units: a same name of another kind is not a repeat.
    assert join_address("Thôn 1, xã Tân Yên", "", "huyện Tân Yên", "Bắc Giang") == (
        "Thôn 1, xã Tân Yên, huyện Tân Yên, tỉnh Bắc Giang")


def test_blanks_and_empty_parts_are_left_out():
    assert join_address("Thôn 1, , ", "", "", "") == "Thôn 1"
    assert join_address("", "Xã A", "", "Bắc Ninh") == "Xã A, tỉnh Bắc Ninh"
