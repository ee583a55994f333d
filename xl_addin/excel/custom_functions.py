"""Worksheet functions for Office.js, served by xlwings Server (the same logic as udfs.py)."""

from __future__ import annotations

from xlwings.server import arg, func, ret

from ..domain import worksheet_functions as wf

DATE_FORMAT = "dd/mm/yyyy"


@func
@arg("ngay_cap", doc="Ngày cấp giấy chứng nhận (ví dụ 15/11/2019)")
@arg("so_nam", doc="Số năm hiệu lực, năm cấp tính là năm thứ nhất (mặc định 4)")
@ret(date_format=DATE_FORMAT)
def bc_hieu_luc(ngay_cap, so_nam=4):
    """Ngày hết hiệu lực của giấy chứng nhận: 31/12 của năm thứ so_nam (năm cấp là năm thứ nhất)."""
    return wf.guarded(wf.certificate_expiry, ngay_cap, so_nam)


@func
@arg("diem", doc="Tổng điểm bình quân của sản phẩm (0–100)")
@arg("cap", doc="Cấp bình chọn: xa, huyen, tinh, khu-vuc, quoc-gia (mặc định tinh)")
def bc_dat(diem, cap="tinh"):
    """“Có” nếu điểm đạt điểm sàn của cấp bình chọn, ngược lại “Không”."""
    return wf.guarded(wf.reaches_pass_mark, diem, cap)


@func
@arg("diem", doc="Tổng điểm theo thang 100 của OCOP")
def bc_sao(diem):
    """Số sao OCOP của điểm: 1 sao dưới 30, 2 sao 30–49, 3 sao 50–69, 4 sao 70–89, 5 sao từ 90."""
    return wf.guarded(wf.star_band, diem)
