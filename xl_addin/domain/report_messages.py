"""Vietnamese messages of the summary report (báo cáo tổng kết), kept together so they can be read and corrected."""

from __future__ import annotations

NO_CONTEST_CODE = "report-no-contest"
BAD_PERIOD_CODE = "report-bad-period"
NO_REGISTER_CODE = "report-no-register"


def no_register(path: object) -> str:
    """The refusal when there is no register beside the contest folders."""
    return (f"Chưa có sổ theo dõi {path}. Báo cáo tổng kết được viết từ sổ này: hãy đưa các cuộc bình chọn đã "
            "có kết quả vào sổ bằng lệnh binhchon register add THƯ_MỤC… (sổ nằm trong thư mục chứa các thư mục "
            "cuộc bình chọn), hoặc đặt biến môi trường BINHCHON_REGISTER chỉ tới sổ dùng chung.")


def period_text(year_from: int, year_to: int) -> str:
    """'năm 2019' or 'giai đoạn 2010–2019'."""
    return f"năm {year_to}" if year_from == year_to else f"giai đoạn {year_from}–{year_to}"


def no_contest(year_from: int, year_to: int, years: list[int], location: str) -> str:
    """The refusal when the register holds no contest in the period asked for."""
    where = f" ({location})" if location else ""
    if not years:
        return (f"Sổ theo dõi{where} chưa có cuộc bình chọn nào nên chưa làm được báo cáo "
                f"{period_text(year_from, year_to)}. Hãy đưa các cuộc bình chọn đã có kết quả vào sổ bằng: "
                "binhchon register add THƯ_MỤC…")
    listed = ", ".join(str(y) for y in years)
    return (f"Sổ theo dõi{where} không có cuộc bình chọn nào trong {period_text(year_from, year_to)}: sổ có các "
            f"năm {listed}. Hãy chọn kỳ báo cáo có các năm này (ví dụ --from {years[0]} --to {years[-1]}, hoặc "
            f"--year {years[-1]}), hoặc đưa cuộc bình chọn của kỳ đó vào sổ bằng: binhchon register add THƯ_MỤC")


def bad_period(year_from: int, year_to: int) -> str:
    """The refusal of a period that ends before it starts."""
    return (f"Kỳ báo cáo không hợp lệ: năm bắt đầu {year_from} sau năm kết thúc {year_to}. "
            f"Hãy đổi lại, ví dụ --from {min(year_from, year_to)} --to {max(year_from, year_to)}.")


def done(period: str, contests: int, establishments: int, products: int, recognised: int) -> str:
    """The one-line summary of a report written."""
    return (f"Đã viết báo cáo tổng kết {period}: {contests} cuộc bình chọn, {establishments} cơ sở, "
            f"{products} sản phẩm đăng ký, {recognised} sản phẩm được công nhận cấp tỉnh.")


def written(tables: int, charts: int) -> str:
    """What the report file holds."""
    return f"Báo cáo có {tables} bảng và {charts} biểu đồ; các đoạn văn sửa được trực tiếp trong Word:"


NO_PDF = "Chưa xuất được PDF: {reason}"
NO_PERIOD = "Hãy cho biết kỳ báo cáo: --year NĂM, hoặc --from NĂM --to NĂM."
