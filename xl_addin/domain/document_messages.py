"""Vietnamese messages of the documents step, kept together so they can be read and corrected."""

from __future__ import annotations

import sys

from . import schema

# Facts of the Thông tin sheet that certificates need, with the label staff see.
CERTIFICATE_FACTS = {
    "issuer": schema.INFO_ISSUER,
    "province": schema.INFO_PROVINCE,
    "decision_no": schema.INFO_DECISION_NO,
    "decision_date": schema.INFO_DECISION_DATE,
    "signer": schema.INFO_SIGNER,
    "signer_title": schema.INFO_SIGNER_TITLE,
}


def missing_facts(labels: list[str]) -> str:
    """The refusal when the Thông tin sheet lacks facts printed on certificates."""
    listed = "; ".join(labels)
    return (
        f"Chưa làm được giấy chứng nhận: sheet “{schema.SHEET_INFO}” còn thiếu: {listed}. "
        f"Hãy điền các mục này vào sheet “{schema.SHEET_INFO}” rồi chạy lại."
    )


def placeholder_fact(label: str, value: str) -> str:
    """The refusal when a name in Thông tin still holds the '…' its level's default leaves to fill."""
    return (
        f"Mục “{label}” (sheet “{schema.SHEET_INFO}”) còn để trống tên: “{value}”. Hãy gõ đủ tên, ví dụ "
        f"“Ủy ban nhân dân xã Tân Dĩnh”, rồi chạy lại."
    )


def bad_cert_pattern(pattern: str, problem: str) -> str:
    """The message for an unusable certificate number pattern."""
    return (
        f"Mẫu số giấy chứng nhận “{pattern}” ({schema.SHEET_INFO}, mục “{schema.INFO_CERT_PATTERN}”) "
        f"không dùng được: {problem}. Ví dụ mẫu đúng: {{stt:03}}/GCN-CNNT hoặc {{stt}}/{{nam}}/GCN."
    )


PATTERN_NO_STT = "thiếu {stt} (số thứ tự)"


def pattern_unknown_token(token: str) -> str:
    """The problem of a pattern holding a token other than {stt}, {stt:0N} and {nam}."""
    return f"không hiểu “{token}”; chỉ dùng được {{stt}}, {{stt:03}} và {{nam}}"


def unknown_registration(code: str) -> str:
    """The note when a recognised product is not in the Đăng ký sheet."""
    return (
        f"Sản phẩm “{code}” có trong sheet “{schema.SHEET_RESULTS}” nhưng không có trong sheet "
        f"“{schema.SHEET_REGISTRATIONS}”: giấy chứng nhận của sản phẩm này thiếu địa chỉ."
    )


NO_RESULT_SET = (
    "Chưa có kết quả chấm điểm (phiếu chấm của giám khảo) nên chưa làm bảng tổng hợp kết quả "
    "chấm điểm."
)
NO_RECOGNISED = (
    f"Chưa có sản phẩm nào được “{schema.RES_COUNCIL}” là “{schema.YES}” trong sheet "
    f"“{schema.SHEET_RESULTS}”: không có giấy chứng nhận nào để làm."
)

_REBUILD = "Lấy lại mẫu gốc bằng lệnh: python -m xl_addin.documents.build_templates"


def template_missing(path: str) -> str:
    """The refusal when a template file is not there."""
    return f"Không tìm thấy mẫu văn bản “{path}”. {_REBUILD}"


def template_damaged(path: str, detail: str) -> str:
    """The refusal when a template is not a readable .docx (or looks like a zip/XML bomb)."""
    return (
        f"Mẫu văn bản “{path}” không đọc được ({detail}). Mở và lưu lại bằng Word dưới dạng .docx, "
        f"hoặc {_REBUILD[0].lower()}{_REBUILD[1:]}."
    )


def template_unknown(path: str, names: list[str], hints: dict[str, str], known: list[str]) -> str:
    """The refusal when a template uses variables the tool does not provide (misspelled names)."""
    listed = ", ".join(f"“{n}”" + (f" (có phải “{hints[n]}”?)" if n in hints else "") for n in names)
    return (
        f"Mẫu văn bản “{path}” dùng biến mà công cụ không cung cấp: {listed}. "
        f"Sửa lại tên biến trong mẫu bằng Word. Các biến dùng được: {', '.join(known)}."
    )


def template_syntax(path: str, line: str, detail: str) -> str:
    """The refusal when a template's {{ }} / {% %} tags are malformed."""
    return (
        f"Mẫu văn bản “{path}” có thẻ viết sai ({detail}) ở đoạn: “{line}”. "
        f"Sửa lại thẻ {{{{ … }}}} hoặc {{% … %}} trong mẫu bằng Word."
    )


def template_unsafe(path: str, detail: str) -> str:
    """The refusal when a template reaches for something the sandbox forbids."""
    return (
        f"Mẫu văn bản “{path}” dùng cú pháp bị chặn vì lý do an toàn ({detail}). "
        f"Trong mẫu chỉ dùng các biến của công cụ, ví dụ {{{{ product_name }}}}. {_REBUILD}"
    )


def template_failed(path: str, detail: str) -> str:
    """The refusal when rendering a template fails for another reason."""
    return f"Không điền được mẫu văn bản “{path}”: {detail}. Kiểm tra các thẻ {{{{ … }}}} trong mẫu."


OFFICE_SETTING = "BINHCHON_SOFFICE"  # environment variable: where LibreOffice's soffice is, when elsewhere
_GET_OFFICE = {
    "win32": ("tải LibreOffice từ https://www.libreoffice.org/download/ rồi cài như thường lệ "
              "(vào C:\\Program Files\\LibreOffice, công cụ tự tìm thấy ở đó)"),
    "darwin": ("tải LibreOffice cho macOS từ https://www.libreoffice.org/download/ rồi kéo vào thư mục "
               "Applications (hoặc: brew install --cask libreoffice)"),
    "linux": "sudo apt-get install libreoffice-writer fonts-liberation2 trên Debian/Ubuntu "
             "(hoặc gói libreoffice-writer của bản Linux đang dùng)",
}
PDF_STEP = "Chuyển sang PDF (LibreOffice)"
PDF_SPLIT_STEP = "Tách PDF theo sản phẩm"


def libreoffice_missing(platform: str) -> str:
    """Why no PDF was made when LibreOffice is not found, and how to get it on this system (sys.platform)."""
    how = _GET_OFFICE.get("linux" if platform.startswith("linux") else platform, _GET_OFFICE["linux"])
    return (f"Không tìm thấy LibreOffice nên chưa tạo được PDF (các tệp Word .docx vẫn được tạo). "
            f"Cài LibreOffice: {how}. Nếu LibreOffice đã cài ở nơi khác, đặt biến môi trường "
            f"{OFFICE_SETTING} là đường dẫn tới tệp soffice (soffice.exe trên Windows).")


LIBREOFFICE_MISSING = libreoffice_missing(sys.platform)
PDF_NOT_ASKED = "Chưa xuất PDF: thêm --pdf để có bản PDF (cần LibreOffice)."


def pdf_failed(detail: str) -> str:
    """The note when LibreOffice did not produce the PDF (the .docx files are still there)."""
    return (
        f"LibreOffice không tạo được PDF ({detail}); các tệp Word .docx vẫn được tạo. "
        f"Hãy đóng LibreOffice rồi chạy lại."
    )


def pdf_timeout(seconds: int) -> str:
    """The note when LibreOffice took too long."""
    return f"LibreOffice chạy quá {seconds} giây nên đã dừng; chưa tạo được PDF (các tệp .docx vẫn được tạo)."


def pdf_pages_mismatch(pages: int, certificates: int) -> str:
    """The note when the merged PDF does not have one page per certificate, so it is not split."""
    return (
        f"Tệp PDF gộp có {pages} trang nhưng có {certificates} giấy chứng nhận (mỗi giấy phải vừa một trang): "
        f"chưa tách PDF cho từng sản phẩm. Hãy rút gọn nội dung mẫu giấy chứng nhận."
    )


def stale_certificate(code: str) -> str:
    """The note about a certificate file left from an earlier run for a product no longer recognised."""
    return (
        f"Sản phẩm “{code}” không còn được hội đồng đề xuất công nhận nhưng thư mục vẫn còn giấy chứng nhận "
        f"cũ của sản phẩm này: hãy xoá tệp đó để không in nhầm."
    )


def file_locked(path: str) -> str:
    """The refusal when a document cannot be written because Word (or another program) holds it."""
    return f"Không ghi được tệp “{path}”: tệp đang mở trong Word hoặc chỉ được đọc. Hãy đóng tệp rồi chạy lại."
