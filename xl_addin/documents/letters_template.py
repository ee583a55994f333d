"""The docxtpl template of the invitation to register again (Decree 30 official letter, công văn)."""

from __future__ import annotations

from pathlib import Path

from .layout import CENTER, JUSTIFY, LEFT, Run, fill, motto_block, new_document, paragraph, repeat_header, table, tag_row

LETTER = "thu_moi_dang_ky_lai.docx"
LETTER_WIDTHS = [1.2, 6.3, 2.6, 3.6, 2.8]
LETTER_HEADERS = ["STT", "Tên sản phẩm", "Cấp, năm công nhận", "Số giấy chứng nhận", "Hiệu lực đến"]
LETTER_CELLS = ["{{ p.stt }}", "{{ p.product_name }}", "{{ p.recognition }}", "{{ p.cert_no }}", "{{ p.valid_until }}"]


def build_letter(path: Path) -> None:
    """The letter: agency and motto block, Kính gửi, the certificates ending, the invitation, signature."""
    from .build_templates import _save, _signature  # shared with the other templates

    doc = new_document()
    motto_block(
        doc,
        agency=[Run("{{ parent_agency }}", caps=True, size=13), Run("{{ agency }}", bold=True, caps=True, size=13)],
        below_agency=[[Run("Số: ", size=13), Run("{{ letter_no }}", size=13)],
                      [Run("V/v mời đăng ký bình chọn lại sản phẩm công nghiệp nông thôn tiêu biểu", size=12)]],
        below_motto=[[Run("{{ date_line }}", italic=True)]],
    )
    paragraph(doc, [Run("Kính gửi: ", ), Run("{{ establishment }}", bold=True)], before=18)
    paragraph(doc, [Run("Địa chỉ: ", italic=True), Run("{{ address }}", italic=True)], after=12)
    body = dict(align=JUSTIFY, after=6, indent_cm=1.0, line=1.15)
    paragraph(doc, [Run("Theo sổ theo dõi của "), Run("{{ agency_name }}"), Run(", các sản phẩm sau của quý cơ sở đã "
                    "được công nhận là sản phẩm công nghiệp nông thôn tiêu biểu; giấy chứng nhận của các sản phẩm "
                    "này hết hiệu lực trong năm "), Run("{{ expiry_year }}"), Run(":")], **body)
    t = table(doc, 1, LETTER_WIDTHS)
    for cell, text in zip(t.rows[0].cells, LETTER_HEADERS):
        fill(cell, Run(text, bold=True, size=12))
    repeat_header(t.rows[0])
    tag_row(t, "{%tr for p in products %}")
    row = t.add_row()
    for index, (cell, text) in enumerate(zip(row.cells, LETTER_CELLS)):
        fill(cell, Run(text, size=12), align=LEFT if index == 1 else CENTER)
    tag_row(t, "{%tr endfor %}")
    paragraph(doc, "", after=6)
    paragraph(doc, [Run("Để sản phẩm tiếp tục được sử dụng danh hiệu sản phẩm công nghiệp nông thôn tiêu biểu, "),
                    Run("{{ agency_name }}"), Run(" trân trọng mời quý cơ sở đăng ký tham gia kỳ bình chọn sản phẩm "
                    "công nghiệp nông thôn tiêu biểu tiếp theo. Hồ sơ gồm: phiếu đăng ký; bản sao giấy đăng ký kinh "
                    "doanh; bản thuyết minh sản phẩm kèm ít nhất 03 ảnh màu; giấy chứng nhận chất lượng (nếu có); "
                    "giấy chứng nhận an toàn thực phẩm đối với sản phẩm thuộc nhóm chế biến nông, lâm, thủy sản và "
                    "thực phẩm.")], **body)
    paragraph(doc, "Mọi thông tin xin liên hệ bộ phận khuyến công để được hướng dẫn. Trân trọng./.", **body)
    paragraph(doc, "", after=6)
    signature = _signature(doc, None, Run("{{ signer_title }}", bold=True, caps=True), Run("{{ signer }}", bold=True),
                           left_title=Run("Nơi nhận:", bold=True, italic=True, size=12))
    left = signature.rows[0].cells[0]
    left.paragraphs[0].paragraph_format.alignment = LEFT
    for line in ("- Như trên;", "- Lưu: VT."):
        paragraph(left, Run(line, size=11), align=LEFT)
    _save(doc, path)
