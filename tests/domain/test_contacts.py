"""Tax code, phone and e-mail checks of the Đăng ký sheet."""

import pytest

from xl_addin.domain.checks.contacts import check_email, check_phone, check_tax_code


@pytest.mark.parametrize("value", ["0101234567", "0101234567-001", "0101234567001", " 2400123456 "])
def test_tax_code_accepts_10_or_13_digits(value):
    assert check_tax_code(value)


@pytest.mark.parametrize("value", [
    "101234567",  # 9 digits: the leading 0 lost in a number cell
    "01012345678",  # 11 digits
    "0101234567-01",  # dash not before the last 3
    "0101234567--001",
    "01012345AB",
    "0101 234 567",
    "",
])
def test_tax_code_rejects_other_shapes(value):
    assert not check_tax_code(value)


@pytest.mark.parametrize("value", [
    "0912345678",
    "0912 345 678",
    "0912.345.678",
    "0912-345-678",
    "+84912345678",
    "+84 912 345 678",
    "84912345678",
    "0204 3855 123",  # landline with area code: 11 digits
    "(0204) 3855123",
    "0912345678 / 0204 3855 123",
    "0912345678, 0987654321",
])
def test_phone_accepts_vietnamese_numbers(value):
    assert check_phone(value)


@pytest.mark.parametrize("value", [
    "912345678",  # leading 0 lost
    "091234567",  # 9 digits
    "091234567890",  # 12 digits
    "+8491234567",  # +84 then 8 digits
    "1912345678",  # 10 digits not starting with 0
    "0912345678 / 12345",
    "0912 abc 678",
    "(0204 3855123",
    "",
    " / ",
])
def test_phone_rejects_other_numbers(value):
    assert not check_phone(value)


@pytest.mark.parametrize("value", [
    "coso@gmail.com",
    "nguyen.van.a@sct.bacninh.gov.vn",
    "a+b@vidu.vn",
    "a@vidu.vn; b@vidu.vn",
    "a@vidu.vn, b@vidu.com.vn",
])
def test_email_accepts_addresses(value):
    assert check_email(value)


@pytest.mark.parametrize("value", [
    "coso@gmail",
    "coso.gmail.com",
    "co so@gmail.com",
    "coso@@gmail.com",
    "coso..a@gmail.com",
    "a@vidu.vn; sai",
    "",
])
def test_email_rejects_non_addresses(value):
    assert not check_email(value)
