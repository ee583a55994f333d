"""Every Vietnamese text the Excel side shows: message boxes, add-in commands, the task pane."""

from __future__ import annotations

TITLE = "Bình chọn CNNT"

UNEXPECTED = (
    "Có lỗi không mong đợi ({kind}). Sổ của bạn không bị thay đổi thêm. Hãy gửi thông báo này "
    "cho bộ phận kỹ thuật (đặt biến môi trường BINHCHON_DEBUG=1 để xem chi tiết)."
)

CHECK_DONE = "Kiểm tra hồ sơ đăng ký: {summary}"
CHECK_SEE_SHEET = "Xem danh sách trong sheet {sheet}; các ô có lỗi được tô đỏ, ô cần lưu ý tô vàng, di chuột lên ô để đọc ghi chú."
CHECK_UNUSABLE = "Sổ này không dùng được: thiếu sheet bắt buộc. Hãy dùng sổ tạo bằng `binhchon init`."
JUDGES_WHERE = "Phiếu chấm nằm trong thư mục {folder}."
RESULTS_WHERE = "Xem sheet {sheet}."
RESULTS_BLOCKED = "Xem các lỗi trong sheet {sheet}, sửa phiếu chấm rồi chạy lại."
DOCUMENTS_MISSING = "Chức năng in văn bản chưa có trong phiên bản này. Hãy cập nhật binhchon."

# Desktop add-in (binhchon addin build|install)
ADDIN_NEEDS_WINDOWS = (
    "Lệnh `binhchon addin {command}` chỉ chạy trên Windows có cài Microsoft Excel. Trên máy này, "
    "hãy dùng dòng lệnh `binhchon` hoặc cách Office.js: `binhchon serve` (xem docs/excel.md)."
)
ADDIN_TEMPLATE_MISSING = (
    "Không tìm thấy mẫu add-in {name} của xlwings. Hãy cài lại xlwings: pip install --force-reinstall xlwings"
)
ADDIN_SOURCE_MISSING = "Không tìm thấy {path}. Hãy chạy lệnh từ thư mục mã nguồn binhchon (có thư mục macros/)."
ADDIN_EXCEL_FAILED = (
    "Excel không dựng được add-in ({detail}). Hãy bật “Trust access to the VBA project object model” "
    "(File › Options › Trust Center › Trust Center Settings › Macro Settings) rồi chạy lại."
)
ADDIN_BUILT = "Đã tạo add-in {path}. Cài vào Excel bằng: binhchon addin install"
ADDIN_NOT_BUILT = "Chưa có {path}. Hãy chạy trước: binhchon addin build"
ADDIN_INSTALLED = "Đã cài add-in vào {path}. Mở lại Excel: thẻ “Bình chọn CNNT” sẽ xuất hiện trên ribbon."

# xlwings Server (binhchon serve)
SERVE_FOLDER_MISSING = "Không tìm thấy thư mục {folder}. Hãy chỉ đúng thư mục cuộc bình chọn bằng --folder (tạo bằng binhchon init)."
SERVE_NO_HTTPS = (
    "Lưu ý: Excel chỉ nạp add-in Office.js qua HTTPS. Hãy tạo chứng chỉ bằng mkcert "
    "(mkcert -install; mkcert localhost 127.0.0.1) rồi chạy lại với --cert và --key."
)
SERVE_NEEDS_PACKAGES = "Lệnh `binhchon serve` cần fastapi và uvicorn. Hãy cài: pip install 'binhchon[server]'"
SERVE_STARTING = "Máy chủ add-in Office.js chạy tại {url} cho thư mục {folder}. Nhấn Ctrl+C để dừng."
UNKNOWN_SCRIPT = "Không có thao tác “{name}”. Các thao tác có: {names}."
UNKNOWN_FUNCTION = "Không có hàm “{name}”. Các hàm có: {names}."
SERVE_LICENCE = (
    "Dùng xlwings Server theo giấy phép PolyForm Noncommercial (XLWINGS_LICENSE_KEY=noncommercial), "
    "cho phép cơ quan nhà nước sử dụng."
)
BAD_PAYLOAD = "Yêu cầu từ Excel không đọc được ({detail}). Hãy tải lại add-in (chuột phải vào khung › Reload)."

# Task pane and ribbon labels, in the order they appear
ACTION_LABELS = {
    "check_registrations": "Kiểm tra hồ sơ",
    "make_judge_sheets": "Tạo phiếu chấm",
    "compute_results": "Tính kết quả",
    "compute_provisional": "Tính tạm (còn thiếu điểm)",
    "make_documents": "In văn bản",
    "make_report": "Báo cáo tổng kết",
}
TASKPANE_HEADING = "Bình chọn sản phẩm CNNT tiêu biểu"
TASKPANE_WHERE = "Phiếu chấm được tạo trong {judges}; văn bản (giấy chứng nhận, danh sách, bảng tổng hợp) trong {documents}."
TASKPANE_HINT = "Kết quả hiện trong các sheet Kiểm tra, Kết quả và Nhật ký của sổ đang mở."
