"""The report's narrative sentences: wording, zero-padded counts, thousands and per cents."""

from __future__ import annotations

from decimal import Decimal

from report_samples import small_period
from xl_addin.domain import report_text as t
from xl_addin.domain.report_figures import report_figures


def test_counts_rates_and_years():
    assert [t.count(n) for n in (0, 8, 10, 85, 1800, 30880)] == ["0", "08", "10", "85", "1.800", "30.880"]
    assert t.rate(Decimal(200) / 3) == "66,7%" and t.rate(Decimal("0.518")) == "0,52%" and t.rate(None) == "–"
    assert t.years_list((2011, 2013, 2013, 2015)) == "2011, 2013 và 2015"


def test_the_sentences_of_the_small_period():
    f = report_figures(small_period())
    assert t.contests_sentence(f) == (
        "Giai đoạn 2010–2015, tổ chức 02 cuộc bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh (năm 2011 và 2013); "
        "01 cuộc bình chọn sản phẩm CNNT tiêu biểu cấp huyện (năm 2013); tham gia 01 cuộc cấp khu vực và "
        "01 cuộc cấp quốc gia.")
    assert t.registered_sentence(f) == (
        "Qua 03 cuộc bình chọn, có 03 cơ sở CNNT đăng ký tham gia với 04 sản phẩm, tôn vinh 03 sản phẩm CNNT "
        "tiêu biểu cấp tỉnh, 01 sản phẩm cấp khu vực và 01 sản phẩm cấp quốc gia.")
    assert t.participation_sentence(f) == (
        "Cơ sở đăng ký đến từ 03/04 huyện, thị xã, thành phố và 03/04 xã, phường, thị trấn; số cơ sở đăng ký "
        "bằng 1,4% tổng số 210 cơ sở CNNT trên địa bàn.")
    assert t.activities_sentence(f) == (
        "Cùng với công tác bình chọn, đã tổ chức và tham gia 03 hội chợ, triển lãm với 40 lượt cơ sở tham gia; "
        "phát hành 1.800 bản tin khuyến công.")
    assert t.idle_sentence(f) == (
        "Còn 01 huyện, thị xã, thành phố (Sơn Động) và 01 xã, phường, thị trấn chưa có cơ sở nào đăng ký "
        "tham gia bình chọn.")
    assert t.dossier_sentence(f) == (
        "Hồ sơ đăng ký của một số cơ sở chưa đầy đủ (trên tổng số 06 hồ sơ): 02 hồ sơ thiếu giấy đăng ký kinh "
        "doanh; 01 hồ sơ thiếu bản thuyết minh.")
    assert t.certificates_sentence(f) == (
        "01 sản phẩm có giấy chứng nhận đã hết hiệu lực trước năm 2015 mà chưa được bình chọn lại; 02 sản "
        "phẩm có giấy chứng nhận hết hiệu lực trong năm 2015 hoặc 2016, cần hướng dẫn cơ sở đăng ký bình chọn "
        "lại; 01 sản phẩm đã được công nhận lại.")
    assert t.groups_sentence(f) == (
        "Sản phẩm được công nhận cấp tỉnh so với sản phẩm đăng ký theo nhóm: nhóm chế biến nông, lâm, thủy sản "
        "và thực phẩm: 02/03 sản phẩm (66,7%); nhóm thiết bị, máy móc, dụng cụ và phụ tùng cơ khí: 01/01 sản "
        "phẩm (100,0%).")
    assert t.title(f) == ("Tổng kết 6 năm công tác bình chọn sản phẩm công nghiệp nông thôn tiêu biểu "
                          "giai đoạn 2010–2015")


def test_a_year_without_anything_says_so():
    f = report_figures(small_period(2020, 2020))
    assert t.contests_sentence(f) == ("Năm 2020, chưa tổ chức cuộc bình chọn sản phẩm CNNT tiêu biểu nào; "
                                      "chưa tham gia cuộc bình chọn cấp khu vực, cấp quốc gia nào.")
    assert t.years_sentence(f) == "Trong kỳ báo cáo chưa có cơ sở nào đăng ký tham gia bình chọn."
    assert t.certificates_sentence(report_figures(small_period(2010, 2012))) == (
        "Không có sản phẩm nào có giấy chứng nhận đã hết hiệu lực trước năm 2012 mà chưa được bình chọn lại; "
        "không có sản phẩm nào có giấy chứng nhận hết hiệu lực trong năm 2012 hoặc 2013; không có sản phẩm nào "
        "đã được công nhận lại.")
