"""The certificates' contexts built once per contest (CertificateContexts): the same values per product."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from doc_samples import make_contest, make_rows

from xl_addin.documents.contexts import CertificateContexts, certificate_context
from xl_addin.domain.results import ResultRow


def test_the_first_registration_of_a_code_is_printed_as_contest_registration_finds_it():
    contest = make_contest()
    first = contest.registrations[0]
    twin = dataclasses.replace(first, name="Bản đăng ký thứ hai cùng mã", establishment="Cơ sở khác")
    contest = dataclasses.replace(contest, registrations=(*contest.registrations, twin))
    row = next(r for r in make_rows() if r.code == first.code)
    context = CertificateContexts(contest).context(row, "001/GCN-CNNT", "31/12/2022")
    assert context["product_name"] == "Gốm Thổ Hà men rạn"
    assert context["establishment"] == "Hợp tác xã gốm Thổ Hà"
    assert context["address"] == "Thôn Thổ Hà, Xã Vân Hà, Huyện Việt Yên, tỉnh Bắc Giang"  # as the certificate test


def test_a_product_without_registration_prints_its_kết_quả_row():
    contest = make_contest()
    row = ResultRow(code="SP99", name="  Chè   Yên Thế  ", group="Thủ công mỹ nghệ", establishment="HTX chè",
                    rank=9, total=Decimal("81"), council=True, forward=None, cert_no="", row=12)
    context = CertificateContexts(contest).context(row, " 009/GCN-CNNT ", "31/12/2022")
    assert (context["product_name"], context["establishment"], context["address"]) == ("Chè Yên Thế", "HTX chè", "")
    assert context["cert_no"] == "009/GCN-CNNT"
    assert context["establishment_type"] == context["representative"] == ""


def test_each_product_has_its_own_context_and_the_shared_lines_are_the_contests():
    contest = make_contest()
    rows = [r for r in make_rows() if r.council]
    contexts = CertificateContexts(contest)
    made = [contexts.context(r, f"{i:03d}/GCN-CNNT", "31/12/2022") for i, r in enumerate(rows, 1)]
    assert [c["product_code"] for c in made] == [r.code for r in rows]
    assert [c["cert_no"] for c in made] == [f"{i:03d}/GCN-CNNT" for i in range(1, len(rows) + 1)]
    assert all(c["date_line"] == "Bắc Giang, ngày 15 tháng 11 năm 2019" for c in made)
    assert all(c["title"] == "SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU" for c in made)
    made[0]["product_name"] = "changed"  # one context's edit is not another's
    assert made[1]["product_name"] != "changed"
    assert certificate_context(contest, rows[1], "002/GCN-CNNT", "31/12/2022") == made[1]
