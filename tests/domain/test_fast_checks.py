"""The shortcuts of a Đăng ký row's reading give what the long way gives: a phone number typed plain is
accepted without splitting it, and a Registration is made without the frozen dataclass's __init__."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin.domain.checks.contacts import check_phone, each_phone
from xl_addin.domain.models import Registration
from xl_addin.domain.sheets.registrations import registration

phones = st.text(alphabet=st.sampled_from("0123456789+84 .-()/,\t\u00a0\u0660\u0969x"), max_size=16)
plain = st.from_regex(r"\A(?:0\d{8,11}|\+?84\d{8,11})\Z")  # the shortcut's own shape and lengths around it


@settings(max_examples=500)
@given(st.one_of(phones, plain))
def test_a_phone_is_accepted_as_the_long_way_accepts_it(value):
    assert check_phone(value) == each_phone(value)


def test_plain_numbers_and_their_edges():
    for value in ("0912345678", "02043855123", "+84912345678", "84912345678"):
        assert check_phone(value) and each_phone(value)
    for value in ("091234567", "091234567890", "1912345678", "+0912345678", "0912345678 x"):
        assert not check_phone(value) and not each_phone(value)


_FIELDS = {f.name: f for f in dataclasses.fields(Registration)}
_VALUES = st.one_of(st.text(max_size=5), st.none(), st.booleans(), st.integers(0, 9))


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from([n for n, f in _FIELDS.items() if f.default is not dataclasses.MISSING]),
                       _VALUES),
       st.lists(st.text(max_size=4), min_size=5, max_size=5))
def test_a_registration_is_the_one_its_init_makes(optional, required):
    fields = dict(zip(("code", "name", "group", "establishment", "establishment_type"), required), **optional)
    made, expected = registration(dict(fields)), Registration(**fields)
    assert made == expected and repr(made) == repr(expected) and hash(made) == hash(expected)
    assert dataclasses.asdict(made) == dataclasses.asdict(expected)
    assert dataclasses.replace(made, code="x") == dataclasses.replace(expected, code="x")


def test_registration_has_no_post_init_to_skip():
    assert not hasattr(Registration, "__post_init__")  # else registration() must call it
