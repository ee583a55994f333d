"""`register add`: finished contests into the register, idempotent, establishments recognised across years."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import sqlalchemy as sa
from conftest import DECISION_2019, HISTORY_2017, HISTORY_2019
from register_builders import JUDGES, Item, make_contest

from xl_addin.domain import register_schema as rs
from xl_addin.domain.register_records import RecognitionFact, RegistrationFact
from xl_addin.usecases.register import add_contests


def count(register, table: str, where: str = "") -> int:
    """Rows of a table, counted with plain SQL (not through the code under test)."""
    with register.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT COUNT(*) FROM {table} {where}")).scalar()


def test_two_contests_added_twice_hold_each_row_once(register, history):
    for _ in range(2):
        outcome = add_contests(register, list(history))
        assert outcome.exit_code == 0, outcome.findings
    assert count(register, "contests") == 2
    assert count(register, "registrations") == len(HISTORY_2017) + len(HISTORY_2019) == 8
    # Rượu (same tax, two spellings), the untaxed workshop (same name + commune), the household
    # (same tax), Gốm Thổ Hà, and the namesake household with another tax number.
    assert count(register, "establishments") == 5
    # rượu, mây tre (2017), mây tre xuất khẩu (2019), bánh đa, gốm, miến dong
    assert count(register, "products") == 6
    assert count(register, "scores") == 8 * len(JUDGES) * 4
    assert count(register, "judges") == 2 * len(JUDGES)
    assert count(register, "recognitions") == 6
    assert count(register, "imports", "WHERE kind = 'contest'") == 4  # every add is logged


def test_same_tax_number_under_two_spellings_is_one_establishment(register, history):
    add_contests(register, list(history))
    data = register.report_data(2017, 2019)
    by_code = {r.product_code: r for r in data.registrations}
    assert by_code["T17-01"].establishment_id == by_code["T19-01"].establishment_id
    assert by_code["T17-01"].product_id == by_code["T19-01"].product_id
    assert by_code["T19-01"].establishment_name == "HTX rượu làng Vân"  # as typed at registration
    assert by_code["T17-02"].establishment_id == by_code["T19-02"].establishment_id
    assert by_code["T17-02"].product_id != by_code["T19-02"].product_id
    assert by_code["T17-03"].product_id == by_code["T19-03"].product_id
    assert by_code["T19-04"].establishment_id != by_code["T19-03"].establishment_id  # another tax number
    assert len({r.establishment_id for r in data.registrations}) == 5


def test_scores_and_totals_are_exact(register, history):
    add_contests(register, list(history))
    data = register.report_data(2017, 2019)
    totals = {r.product_code: r.total for r in data.registrations}
    assert totals == {i.code: Decimal(i.total) for i in HISTORY_2017 + HISTORY_2019}
    assert all(isinstance(t, Decimal) for t in totals.values())
    with register.engine.connect() as conn:
        stored = conn.execute(sa.text(
            "SELECT SUM(s.points) FROM scores s JOIN registrations r ON r.id = s.registration_id "
            "WHERE r.product_code = 'T17-02'")).scalar()
    assert stored == 3 * 75 * 100  # hundredths, three judges


def test_passed_council_and_dossier_gaps_are_kept(register, history):
    add_contests(register, list(history))
    data = register.report_data(2017, 2019)
    by_code = {r.product_code: r for r in data.registrations}
    assert [c for c, r in sorted(by_code.items()) if r.passed] == ["T17-01", "T17-02", "T17-04", "T19-01", "T19-02",
                                                                   "T19-03"]
    assert by_code["T17-03"].council is False and by_code["T17-04"].council is True
    assert by_code["T17-02"].missing_documents == (rs.DOSSIER_DOCUMENTS["Số ảnh"],)
    assert by_code["T19-04"].missing_documents == (rs.DOSSIER_DOCUMENTS["Bản thuyết minh"],)
    assert by_code["T19-01"].missing_documents == ()


def test_certificates_come_from_ket_qua(register, history):
    add_contests(register, list(history))
    data = register.report_data(2019, 2019)
    wb = openpyxl.load_workbook(history[1] / "binhchon.xlsx", data_only=True)
    rows = list(wb["Kết quả"].iter_rows(values_only=True))
    head = rows[3]
    typed = {r[head.index("Mã sản phẩm")]: r[head.index("Số giấy chứng nhận")] for r in rows[4:] if r[1]}
    recs = {r.product_code: r for r in data.recognitions if r.year == 2019}
    assert sorted(recs) == ["T19-01", "T19-02", "T19-03"]
    for code, rec in recs.items():
        assert rec.cert_no == typed[code] and rec.cert_no
        assert rec.issued == DECISION_2019 and rec.valid_until == dt.date(2022, 12, 31)
        assert rec.level == "tinh"


def test_report_data_of_a_period(register, history):
    add_contests(register, list(history))
    only_2017 = register.report_data(2017, 2018)
    assert [(c.level, c.year, c.area, c.products) for c in only_2017.contests] == [("tinh", 2017, "Bắc Giang", 4)]
    assert len(only_2017.registrations) == 4
    assert only_2017.province == "Bắc Giang"
    # 2017 certificates run to 31/12/2020 and 2019 ones to 31/12/2022: a 2020 report lists both.
    later = register.report_data(2020, 2020)
    assert sorted(r.product_code for r in later.recognitions) == ["T17-01", "T17-02", "T17-04",
                                                                   "T19-01", "T19-02", "T19-03"]
    assert later.registrations == () and later.contests == ()
    assert sorted(r.product_code for r in register.report_data(2021, 2022).recognitions) == [
        "T19-01", "T19-02", "T19-03"]


def test_the_reports_slim_facts_are_the_full_records_columns(register, history):
    add_contests(register, list(history))
    for period in [(2017, 2019), (2020, 2020), (2019, 2019)]:
        full, slim = register.report_data(*period), register.report_facts(*period)
        assert all(isinstance(r, RegistrationFact) for r in slim.registrations)
        assert [tuple(getattr(r, f) for f in RegistrationFact._fields) for r in full.registrations] == \
            [tuple(r) for r in slim.registrations]
        assert [tuple(getattr(r, f) for f in RecognitionFact._fields) for r in full.recognitions] == \
            [tuple(r) for r in slim.recognitions]
        assert any(r.missing_documents for r in slim.registrations) or period == (2020, 2020)
        assert (slim.contests, slim.rounds, slim.province) == (full.contests, full.rounds, full.province)
    assert len(register.report_facts(2017, 2019).registrations) == 8


def test_a_refused_folder_leaves_the_register_as_it_was(register, history, tmp_path):
    provisional = make_contest(tmp_path / "tam", 2021, [Item("P-01", "Chè", "HTX chè", "Tân Sơn", total=80),
                                                         Item("P-02", "Gạo", "HTX gạo", "Tân Sơn", total=75)],
                               decision=dt.date(2021, 11, 1), provisional=True)
    empty = tmp_path / "rong"
    empty.mkdir()
    outcome = add_contests(register, [history[0], provisional, empty])
    assert outcome.exit_code == 1
    assert [f.file for f in outcome.findings if f.is_error] == [str(provisional), str(empty)]
    assert "TẠM TÍNH" in outcome.findings[0].message and "binhchon results" in outcome.findings[0].message
    assert "binhchon init" in outcome.findings[1].message
    assert count(register, "contests") == 0 and count(register, "registrations") == 0


def test_a_contest_with_errors_or_without_results_is_refused(register, history, tmp_path):
    import shutil

    broken = tmp_path / "loi"
    shutil.copytree(history[0], broken)
    wb = openpyxl.load_workbook(broken / "binhchon.xlsx")
    ws = wb["Đăng ký"]
    head = [c.value for c in ws[1]]
    ws.cell(row=2, column=head.index("Mã số ĐKKD/MST") + 1, value="12345")
    wb.save(broken / "binhchon.xlsx")
    unscored = tmp_path / "chua_tinh"
    shutil.copytree(history[0], unscored)
    wb = openpyxl.load_workbook(unscored / "binhchon.xlsx")
    wb["Kết quả"].delete_rows(1, wb["Kết quả"].max_row)
    wb.save(unscored / "binhchon.xlsx")
    outcome = add_contests(register, [broken, unscored])
    messages = [f.message for f in outcome.findings if f.is_error]
    assert len(messages) == 2 and outcome.exit_code == 1
    assert "1 lỗi" in messages[0] and "sheet Kiểm tra" in messages[0]
    assert "chưa có kết quả" in messages[1] and "binhchon results" in messages[1]
    assert count(register, "contests") == 0
