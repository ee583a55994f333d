"""The demo's ten-year history: the sample generator's earlier contests, and `binhchon demo` ending with the report."""

from __future__ import annotations

import shutil

from report_reading import body_paragraphs, picture_count

from xl_addin.domain.sample import history, names
from xl_addin.domain.sample.programme import sample_programme


def test_earlier_contests_reuse_the_establishments_and_one_is_spelled_otherwise():
    pasts = history.past_contests()
    assert [p.info.year for p in pasts] == list(history.YEARS)
    assert [len(p.registrations) for p in pasts] == [history.SIZES[y] for y in history.YEARS]
    taxes = {r.establishment: r.tax_code for r in sample_programme().registrations}
    respelled = [r for p in pasts for r in p.registrations if r.establishment == history.RESPELLED[1]]
    assert respelled and {r.tax_code for r in respelled} == {taxes[history.RESPELLED[0]]}
    assert all(history.ALWAYS in {r.name for r in p.registrations} for p in pasts)
    codes = [r.code for p in pasts for r in p.registrations]
    assert len(codes) == len(set(codes))  # a code names one product in one contest


def test_upper_rows_follow_the_forwarded_products():
    reg = sample_programme().registrations[0]
    rows = history.upper_rows({2011: [("BG11-001", reg), ("BG11-002", reg), ("BG11-003", reg), ("BG11-004", reg)],
                               2019: [("BG-001", reg)]})
    assert [(r[0], r[1], r[2], r[6]) for r in rows] == [
        (2012, "Khu vực", "BG11-001", "Có"), (2012, "Quốc gia", "BG11-001", "Có"),
        (2012, "Khu vực", "BG11-002", "Có"), (2012, "Quốc gia", "BG11-002", "Có"),
        (2012, "Khu vực", "BG11-003", "Có"), (2012, "Quốc gia", "BG11-003", "Không"),
        (2012, "Khu vực", "BG11-004", "Không")]  # 2019's round is after the period
    totals = {}
    for year, kind, quantity, *_ in history.activity_rows():
        assert 2010 <= year <= 2019
        totals[kind] = totals.get(kind, 0) + quantity
    assert totals == {kind: total for kind, total, _ in history.ACTIVITY_TOTALS}


def test_the_demo_ends_with_the_register_and_the_report(tmp_path, monkeypatch):
    from xl_addin.cli_demo import run_demo

    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)  # no PDF: faster, and the Word report is checked
    lines: list[str] = []
    assert run_demo(tmp_path / "demo", print_fn=lines.append) == 0
    report = tmp_path / "demo" / "bao_cao" / "bao_cao_tong_ket_2010_2019.docx"
    assert report.is_file() and (tmp_path / "demo" / "so_theo_doi.sqlite").is_file()
    assert lines[-1] == (f"Sổ theo dõi nhiều năm: {(tmp_path / 'demo' / 'so_theo_doi.sqlite').resolve()}; "
                         f"báo cáo tổng kết: {report.resolve()}.")
    assert any(line.startswith("1. Tạo sổ bình chọn: ") for line in lines)  # the existing lines are still there
    texts = body_paragraphs(report)
    assert ("Giai đoạn 2010–2019, tổ chức 05 cuộc bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh (năm 2011, 2013, 2015, "
            "2017 và 2019); tham gia 04 cuộc cấp khu vực và 04 cuộc cấp quốc gia.") in texts
    establishments = len({p.establishment for p in names.PRODUCTS})  # earlier years register the same ones again
    assert any(t.startswith(f"Qua 05 cuộc bình chọn, có {establishments} cơ sở CNNT đăng ký tham gia với "
                            f"{len(names.PRODUCTS)} sản phẩm") for t in texts)
    assert ("Cùng với công tác bình chọn, đã hỗ trợ 19 đề án khuyến công; tổ chức và tham gia 09 hội chợ, triển lãm "
            "với 356 lượt cơ sở tham gia; phát hành 1.800 bản tin khuyến công; in 3.000 catalog giới thiệu sản phẩm; "
            "thực hiện 812 chương trình truyền hình, tin bài; hỗ trợ 04 nhà trưng bày sản phẩm.") in texts
    assert any(t.startswith("Còn 01 huyện, thị xã, thành phố (Sơn Động)") for t in texts)
    assert picture_count(report) == 3
