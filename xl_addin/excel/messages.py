"""Every Vietnamese text the Excel side shows: message boxes, add-in commands, the task pane."""

from __future__ import annotations

from ..usecases.actions import LABELS

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
    "Lưu ý: đang chạy HTTP thường (--http), chỉ để thử bằng trình duyệt. Excel chỉ nạp add-in qua HTTPS: "
    "tạo chứng chỉ một lần bằng binhchon serve --tao-chung-chi rồi chạy lại không có --http."
)
SERVE_NEEDS_CERT = (
    "Chưa có chứng chỉ HTTPS trong {folder}. Excel chỉ nạp add-in qua HTTPS: hãy chạy một lần "
    "binhchon serve --tao-chung-chi (làm theo hướng dẫn để tin cậy chứng chỉ), rồi chạy lại lệnh này. "
    "Chỉ thử bằng trình duyệt trên máy này thì thêm --http."
)
SERVE_CERT_PAIR = "Hãy cho cả --cert (chứng chỉ .pem) và --key (khóa .pem), hoặc bỏ cả hai để dùng chứng chỉ của --tao-chung-chi."
SERVE_CERT_MISSING = "Không tìm thấy tệp {path}. Hãy kiểm tra đường dẫn --cert/--key, hoặc tạo chứng chỉ bằng binhchon serve --tao-chung-chi."
CERT_ROOT_NAME = "Bình chọn CNNT - chứng chỉ gốc của máy này"
CERT_WRITE_FAILED = "Không ghi được chứng chỉ vào {folder} ({detail}). Hãy chọn thư mục khác bằng --thu-muc-chung-chi."
CERT_MADE = (
    "Đã tạo chứng chỉ HTTPS cho máy này (localhost, 127.0.0.1):\n"
    "  {root}  (chứng chỉ gốc, cần tin cậy một lần)\n"
    "  {cert}  và  {key}  (chứng chỉ và khóa của máy chủ)\n"
    "Để Excel tin cậy trên Windows, không cần quyền quản trị: mở Command Prompt và chạy\n"
    "  certutil -user -addstore Root \"{root}\"\n"
    "rồi bấm Yes khi Windows hỏi. Hoặc nhấp đúp tệp {root} › Install Certificate › Current User › "
    "Place all certificates in the following store › Trusted Root Certification Authorities.\n"
    "Trên máy Mac: security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db \"{root}\"\n"
    "Khóa ký của chứng chỉ gốc không được lưu lại: nó chỉ ký chứng chỉ này, cho riêng localhost và 127.0.0.1.\n"
    "Sau đó đóng hẳn Excel, mở lại và chạy: binhchon serve --folder THƯ_MỤC_CUỘC_BÌNH_CHỌN"
)
SERVE_NEEDS_PACKAGES = (
    "Lệnh `binhchon serve` cần fastapi, uvicorn, xlwings-server và cryptography. Hãy cài: pip install \"binhchon[server]\""
)
CLIENT_MISSING = (
    "Không tìm thấy gói xlwings-server (bộ kết nối Office.js và office.js mà add-in nạp từ máy này). "
    "Hãy cài: pip install \"binhchon[server]\""
)
SERVE_STARTING = "Máy chủ add-in Office.js chạy tại {url} cho thư mục {folder}. Nhấn Ctrl+C để dừng."
SERVE_MANIFEST = "Nạp add-in vào Excel bằng tệp {url}/manifest.xml (lưu về máy rồi chọn Upload My Add-in)."
STATIC_MISSING = "Không có tệp {path} trên máy chủ add-in. Hãy cài lại: pip install \"binhchon[server]\""
UNKNOWN_SCRIPT = "Không có thao tác “{name}”. Các thao tác có: {names}."
UNKNOWN_FUNCTION = "Không có hàm “{name}”. Các hàm có: {names}."
SERVE_LICENCE = (
    "Dùng xlwings Server theo giấy phép PolyForm Noncommercial (XLWINGS_LICENSE_KEY=noncommercial), "
    "cho phép cơ quan nhà nước sử dụng."
)
BAD_PAYLOAD = "Yêu cầu từ Excel không đọc được ({detail}). Hãy tải lại add-in (chuột phải vào khung › Reload)."

# Task pane and ribbon labels, in the order they appear
RUNNING = "đang chạy"  # the status bar while an action runs (then each long step and its count)
ACTION_LABELS = dict(LABELS)  # entry point -> label, from the one table of actions (usecases/actions.py)
TASKPANE_HEADING = "Bình chọn sản phẩm CNNT tiêu biểu"
TASKPANE_WHERE = "Phiếu chấm được tạo trong {judges}; văn bản (giấy chứng nhận, danh sách, bảng tổng hợp) trong {documents}."
TASKPANE_HINT = "Kết quả hiện trong các sheet Kiểm tra, Kết quả và Nhật ký của sổ đang mở."

# What the task pane's JavaScript (static/taskpane.js) shows; {placeholders} are filled there.
TASKPANE_TEXTS = {
    "loading": "Đang nạp add-in…",
    "noScript": "Trình duyệt đang chặn JavaScript nên các nút không chạy được. Hãy mở add-in trong Excel.",
    "noOffice": (
        "Không nạp được office.js từ máy chủ binhchon serve. Hãy xem cửa sổ lệnh binhchon serve còn chạy không, "
        "rồi tải lại add-in (chuột phải vào khung này › Tải lại)."
    ),
    "noClient": (
        "Không nạp được bộ kết nối xlwings (gói xlwings-server) từ máy chủ. Hãy cài lại: "
        "pip install \"binhchon[server]\", chạy lại binhchon serve, rồi tải lại add-in."
    ),
    "notInExcel": (
        "Trang này đang mở ngoài Excel nên các nút chưa chạy được. Hãy mở add-in “Bình chọn CNNT” trong Excel "
        "(thẻ Bình chọn CNNT › Mở bảng thao tác) rồi bấm nút trong khung đó."
    ),
    "officeTimeout": "Excel chưa trả lời sau {seconds} giây. Hãy đóng khung add-in rồi mở lại.",
    "stalled": (
        "Add-in không khởi động được. Hãy tải lại add-in (chuột phải vào khung này › Tải lại). Nếu vẫn vậy, "
        "Excel này có thể quá cũ: add-in cần Microsoft 365 hoặc Office 2021 trở lên; hãy dùng add-in "
        "trên máy (binhchon addin install) hoặc dòng lệnh binhchon."
    ),
    "ready": "Sẵn sàng. Mở sổ cuộc bình chọn (binhchon.xlsx) rồi bấm một nút.",
    "running": "Đang chạy “{label}”: Excel gửi sổ đang mở tới máy chủ, xin chờ…",
    "busy": "Đang chạy “{label}”; hãy chờ xong rồi bấm nút khác.",
    "done": "Xong “{label}”.",
    "readFailed": (
        "Không đọc được sổ đang mở trong Excel ({detail}). Hãy thoát chế độ sửa ô (nhấn Enter), "
        "đóng các hộp thoại của Excel rồi bấm lại."
    ),
    "serverDown": (
        "Không kết nối được máy chủ binhchon serve ({detail}). Hãy xem cửa sổ lệnh binhchon serve còn chạy không, "
        "rồi bấm lại."
    ),
    "serverRefused": "Máy chủ không chạy được “{label}”: {detail}",
    "writeFailed": (
        "Excel không ghi được kết quả vào sổ ({detail}). Có thể một phần đã được ghi: hãy xem lại sổ, "
        "rồi bấm lại “{label}”."
    ),
}
# The functions =BC_HIEU_LUC(…) etc. when the server cannot answer (shown in the cell's #VALUE! tip)
FUNCTION_SERVER_DOWN = "Không kết nối được máy chủ binhchon serve: hãy chạy lại binhchon serve rồi tính lại (Ctrl+Alt+F9)."
ALERT_BUTTONS = {"ok": "Đồng ý", "yes": "Có", "no": "Không", "cancel": "Hủy"}
