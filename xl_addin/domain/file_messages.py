"""Vietnamese texts about files: unusable or oversized workbooks, faults while saving, the contest
lock, generated file names and ambiguous numbers — together so they can be proofread at once.

Templates are `str.format` strings; `{name}` is a file name, `{cell}` an A1 address.
"""

from __future__ import annotations

from .values import vn_short

RESAVE = "Hãy mở tệp bằng Excel, chọn File › Save As › Excel Workbook (.xlsx) rồi chạy lại."

# --- A file that is not a usable workbook ------------------------------------------------------
NOT_FOUND = "Không tìm thấy tệp {path}. Hãy kiểm tra lại đường dẫn."
IS_FOLDER = "{path} là một thư mục, không phải sổ Excel. Hãy chỉ ra tệp .xlsx nằm trong thư mục này."
EMPTY_FILE = "Tệp {name} rỗng (0 byte): có thể chưa chép xong hoặc bị lỗi khi gửi. Hãy chép lại tệp gốc."
ENCRYPTED = (
    "Tệp {name} được đặt mật khẩu (mã hóa), công cụ không đọc được. Hãy mở tệp bằng Excel, gỡ mật "
    "khẩu (File › Info › Protect Workbook › Encrypt with Password, xóa mật khẩu rồi OK), lưu lại rồi chạy lại."
)
OLD_XLS = "Tệp {name} là sổ Excel đời cũ (.xls) hoặc định dạng khác đổi đuôi thành .xlsx. " + RESAVE
OPENDOCUMENT = (
    "Tệp {name} là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice) đổi đuôi thành .xlsx. "
    "Hãy mở bằng LibreOffice, chọn File › Save As, kiểu “Excel 2007-365 (.xlsx)”, rồi chạy lại."
)
WORD_FILE = "Tệp {name} là văn bản Word chứ không phải sổ Excel. Hãy chọn đúng tệp .xlsx."
FOREIGN_ZIP = "Tệp {name} là một tệp nén (.zip) nhưng không phải sổ Excel. Hãy chọn đúng tệp .xlsx."
OTHER_FORMAT = "Tệp {name} không phải là sổ Excel .xlsx ({kind}). " + RESAVE
TRUNCATED = (
    "Tệp {name} bị hỏng hoặc bị cắt cụt (có thể chưa tải/chép xong). Hãy chép lại tệp gốc; nếu Excel "
    "mở được tệp, hãy lưu lại dưới dạng .xlsx rồi chạy lại."
)
DAMAGED_PART = "Tệp {name} bị hỏng bên trong: {detail}. " + RESAVE
UNREADABLE = "Không đọc được {name} ({detail}). " + RESAVE
READ_LOCKED = "Không đọc được {name}: tệp đang bị khóa hoặc không có quyền đọc. Hãy đóng tệp trong Excel rồi chạy lại."
OVERSIZED = (
    "Tệp {name} bung ra quá lớn so với kích thước của nó ({detail}), có thể là tệp độc hại hoặc bị "
    "hỏng; công cụ từ chối mở. Hãy dùng tệp gốc, hoặc mở bằng Excel và lưu lại."
)
TOO_MANY_CELLS = (
    "Tệp {name}: sheet “{sheet}” có {cells} ô được định dạng hoặc có dữ liệu (giới hạn {limit}), phần lớn "
    "có lẽ là ô trống được tô màu, kẻ khung hoặc định dạng tới tận cuối sheet. Hãy chọn các hàng và cột "
    "trống bên dưới và bên phải dữ liệu, bấm chuột phải › Delete (xóa hàng/cột), lưu lại rồi chạy lại."
)
TOO_MANY_ROWS = (
    "Tệp {name}: sheet “{sheet}” có hơn {limit} hàng có dữ liệu; từ hàng {row} trở đi có lẽ là dữ liệu "
    "dán nhầm hoặc rác. Hãy xóa các hàng thừa (chọn các hàng, bấm chuột phải › Delete), lưu lại rồi chạy lại."
)

# --- Parts of the zip package (inside the parentheses of OVERSIZED / DAMAGED_PART) ---------------
PART_TOO_MANY = "{count} thành phần"
PART_TOO_BIG = "phần {part} bung ra hơn {mb} MB"
PART_RATIO = "phần {part} nén {ratio} lần"
PART_TOTAL = "tổng cộng hơn {mb} MB"
PART_DOCTYPE = "phần {part} có khai báo DOCTYPE/ENTITY (tệp Office thật không có)"
PART_MALFORMED = "phần {part} không phải XML hợp lệ (dòng {line}, cột {column})"
PART_BAD_ZIP = "phần {part} không giải nén được"

# --- Faults while writing ------------------------------------------------------------------------
OPEN_IN_EXCEL = (
    "{name} đang mở trong Excel. Hãy lưu và đóng tệp trong Excel rồi chạy lại. (Nếu Excel đã đóng mà "
    "vẫn báo như vậy, Excel đã để sót tệp khóa {lock} bên cạnh: hãy xóa tệp đó.)"
)
READ_ONLY_FILE = "{name} đang ở chế độ chỉ đọc. Hãy bỏ thuộc tính chỉ đọc (hoặc đóng tệp) rồi chạy lại."
WRITE_LOCKED = "Không ghi được {name}: tệp đang bị khóa. Hãy đóng tệp trong Excel rồi chạy lại."
WRITE_DENIED = (
    "Không ghi được {name}: không có quyền ghi vào thư mục {folder} (thư mục chỉ đọc, hoặc của người "
    "dùng khác). Hãy chép cả thư mục cuộc bình chọn sang nơi được ghi (ví dụ Documents) rồi chạy lại. "
    "Tệp {name} không bị thay đổi."
)
WRITE_READ_ONLY_DISK = (
    "Không ghi được {name}: ổ đĩa chứa thư mục {folder} chỉ cho đọc (USB khóa ghi, đĩa CD hoặc ổ mạng chỉ "
    "đọc). Hãy chép thư mục cuộc bình chọn sang ổ đĩa khác rồi chạy lại. Tệp {name} không bị thay đổi."
)
WRITE_DISK_FULL = (
    "Không ghi được {name}: ổ đĩa chứa thư mục {folder} đã đầy. Hãy xóa bớt tệp không cần (ví dụ các bản "
    "sao lưu cũ trong {backups}) hoặc chép thư mục sang ổ khác rồi chạy lại. Tệp {name} không bị thay đổi."
)
WRITE_VANISHED = (
    "Không ghi được {name}: thư mục {folder} không còn (USB bị rút ra, ổ mạng bị ngắt, hoặc thư mục bị "
    "đổi tên). Hãy cắm lại/kết nối lại rồi chạy lại."
)
WRITE_FAILED = "Không ghi được {name} vào thư mục {folder} ({detail}). Tệp {name} không bị thay đổi."

# --- The contest lock ------------------------------------------------------------------------------
CONTEST_BUSY = (
    "Sổ {name} đang được dùng: thao tác “{action}” trên máy {host} (người dùng {user}) bắt đầu lúc "
    "{since} chưa xong. Đã chờ {waited} giây. Hãy đợi thao tác đó xong rồi chạy lại."
)
CONTEST_BUSY_UNKNOWN = (
    "Sổ {name} đang được một thao tác khác dùng (không rõ máy nào). Đã chờ {waited} giây. "
    "Hãy đợi thao tác đó xong rồi chạy lại."
)

# --- Generated file names (findings) -------------------------------------------------------------
NAME_RESERVED = (
    "Ô {cell}: {what} “{code}” không dùng được làm tên tệp trên Windows ({reserved} là tên dành riêng "
    "của hệ thống). Hãy đổi mã, ví dụ thêm chữ hoặc số: “{example}”."
)
NAME_TOO_LONG = (
    "Ô {cell}: {what} dài {length} ký tự, quá dài để làm tên tệp (tối đa {limit}). Hãy dùng mã ngắn "
    "hơn, ví dụ “{example}”."
)
NAME_BAD_END = (
    "Ô {cell}: {what} “{code}” kết thúc bằng dấu chấm hoặc dấu cách, Windows không cho đặt tên tệp như "
    "vậy. Hãy bỏ ký tự đó ở cuối mã."
)
NAME_COLLISION = (
    "Ô {cell}: {what} “{code}” và mã “{other}” ở ô {other_cell} sẽ thành cùng một tên tệp “{file}” "
    "(Windows không phân biệt chữ hoa/thường; các ký tự đặc biệt được thay bằng “_”). Hãy đổi một trong hai mã."
)

# --- Too many findings ----------------------------------------------------------------------------
TOO_MANY_FINDINGS = (
    "Còn {errors} lỗi và {warnings} cảnh báo nữa, từ ô {cell} sheet “{sheet}” trở đi, không được liệt kê "
    "(chỉ liệt kê {limit} mục đầu). Có lẽ sheet có nhiều hàng dán nhầm hoặc dữ liệu rác: hãy xóa các hàng "
    "đó, sửa các lỗi trên rồi chạy lại."
)

# --- Formulas --------------------------------------------------------------------------------------
UNCOMPUTED_FORMULA = (
    "Ô {cell}: có công thức “={formula}” nhưng tệp chưa lưu giá trị của nó (tệp do một chương trình khác "
    "tạo và chưa được mở bằng Excel), nên công cụ không biết giá trị. Hãy mở tệp bằng Excel (hoặc "
    "LibreOffice), lưu lại rồi chạy lại; hoặc gõ giá trị thay cho công thức."
)

# --- Numbers ----------------------------------------------------------------------------------------
AMBIGUOUS_NUMBER = (
    "Ô {cell}: {what} “{value}” không rõ là {thousands} (dấu “{sep}” phân cách hàng nghìn) hay {decimal} "
    "(dấu “{sep}” là dấu thập phân), nên công cụ không đoán. Hãy gõ lại số không có dấu phân cách hàng "
    "nghìn: {thousands}, hoặc {decimal}; phần thập phân viết sau dấu phẩy, ví dụ 8,5."
)


def ambiguous_number(cell: str, what: str, problem) -> str:
    """The finding's text for an AmbiguousNumber read from a cell."""
    sep = "." if "." in problem.typed else ","
    return AMBIGUOUS_NUMBER.format(cell=cell, what=what, value=problem.typed, sep=sep,
                                   thousands=vn_short(problem.thousands), decimal=vn_short(problem.decimal))
