"""Raw material of the sample programme: establishments, products, people and districts of Bắc Giang."""

from __future__ import annotations

from typing import NamedTuple


class EstablishmentRow(NamedTuple):
    """An establishment as staff would note it: type is an index into rules.ESTABLISHMENT_TYPES."""

    name: str
    type: int  # 0 doanh nghiệp nhỏ và vừa, 1 hợp tác xã, 2 tổ hợp tác, 3 hộ kinh doanh
    representative: str
    village: str
    commune: str  # with its prefix: "xã …", "phường …", "thị trấn …"
    district: str  # as in DISTRICT_ESTABLISHMENTS
    email: str = ""


class ProductRow(NamedTuple):
    """A registered product: group is 1–4 as numbered in rules.GROUPS."""

    name: str
    group: int
    establishment: str  # a key of ESTABLISHMENTS


DN, HTX, THT, HKD = 0, 1, 2, 3

PROVINCE = "Bắc Giang"
CITY = "TP. Bắc Giang"

# The province's districts and city before 07/2025, with the number of rural industrial
# establishments (cơ sở CNNT) on the reference list the secretariat keeps.
DISTRICT_ESTABLISHMENTS = (
    (CITY, 2140),
    ("Hiệp Hòa", 4380),
    ("Lạng Giang", 3650),
    ("Lục Nam", 3120),
    ("Lục Ngạn", 3480),
    ("Sơn Động", 870),
    ("Tân Yên", 3310),
    ("Việt Yên", 4720),
    ("Yên Dũng", 2950),
    ("Yên Thế", 2260),
)

ESTABLISHMENTS = {
    # Việt Yên
    "ruou_van": EstablishmentRow(
        "Hợp tác xã Sản xuất và Kinh doanh rượu làng Vân", HTX, "Nguyễn Văn Hưng",
        "thôn Yên Viên", "xã Vân Hà", "Việt Yên", "ruoulangvan.htx@gmail.com",
    ),
    "gom_tho_ha": EstablishmentRow(
        "Công ty TNHH Gốm Thổ Hà", DN, "Ngô Văn Thành",
        "thôn Thổ Hà", "xã Vân Hà", "Việt Yên",
    ),
    "may_tre_hp": EstablishmentRow(
        "Công ty TNHH Mây tre Hưng & Phát", DN, "Nguyễn Thị Lan",
        "thôn Đông Tiến", "xã Tăng Tiến", "Việt Yên", "maytrehungphat@gmail.com",
    ),
    "banh_da_nem": EstablishmentRow(
        "Hộ kinh doanh Bánh đa nem Hồng Nhung", HKD, "Nguyễn Thị Nhung",
        "thôn Thổ Hà", "xã Vân Hà", "Việt Yên",
    ),
    "bo_hon": EstablishmentRow(
        "Hộ kinh doanh Sản phẩm sinh học Quảng Minh", HKD, "Thân Văn Tùng",
        "thôn Đông Long", "xã Quảng Minh", "Việt Yên",
    ),
    # Hiệp Hòa
    "gao_mai_dinh": EstablishmentRow(
        "Hợp tác xã Dịch vụ nông nghiệp Mai Đình", HTX, "Đỗ Văn Quang",
        "thôn Trung Hưng", "xã Mai Đình", "Hiệp Hòa",
    ),
    "non_la": EstablishmentRow(
        "Tổ hợp tác nón lá Đông Lỗ", THT, "Trần Thị Mến",
        "thôn Ngọ Xá", "xã Đông Lỗ", "Hiệp Hòa",
    ),
    "do_go": EstablishmentRow(
        "Công ty TNHH Đồ gỗ mỹ nghệ Hoàng Long", DN, "Hoàng Văn Long",
        "thôn Tiến Thắng", "xã Xuân Cẩm", "Hiệp Hòa", "dogohoanglong@gmail.com",
    ),
    "may_mac": EstablishmentRow(
        "Công ty TNHH May mặc Đức Thắng", DN, "Lương Thị Hạnh",
        "thôn Đức Thịnh", "xã Đức Thắng", "Hiệp Hòa",
    ),
    "phu_tung": EstablishmentRow(
        "Công ty TNHH Cơ khí chính xác Lương Phong", DN, "Đặng Văn Cường",
        "thôn Lương Tài", "xã Lương Phong", "Hiệp Hòa",
    ),
    # Lạng Giang
    "co_khi_td": EstablishmentRow(
        "Công ty TNHH Cơ khí nông nghiệp Thành Đạt", DN, "Vũ Đình Thành",
        "thôn Tân Sơn", "xã Tân Dĩnh", "Lạng Giang", "cokhithanhdat.lg@gmail.com",
    ),
    "mien_dong": EstablishmentRow(
        "Hợp tác xã Miến dong Tân Thịnh", HTX, "Lê Thị Hoa",
        "thôn Đồng Lầm", "xã Tân Thịnh", "Lạng Giang",
    ),
    "gach": EstablishmentRow(
        "Công ty Cổ phần Vật liệu xây dựng Xuân Hương", DN, "Phạm Văn Tiến",
        "thôn Xuân Lạn", "xã Xuân Hương", "Lạng Giang",
    ),
    # Lục Nam
    "mat_ong_bs": EstablishmentRow(
        "Hộ kinh doanh Ong mật Bảo Sơn", HKD, "Nguyễn Đức Toàn",
        "thôn Tam Hiệp", "xã Bảo Sơn", "Lục Nam",
    ),
    "nghe": EstablishmentRow(
        "Hợp tác xã Nông sản sạch Cẩm Lý", HTX, "Giáp Thị Thu",
        "thôn Hạ", "xã Cẩm Lý", "Lục Nam",
    ),
    "phan_bon": EstablishmentRow(
        "Công ty TNHH Phân bón hữu cơ Đông Hưng", DN, "Chu Văn Bình",
        "thôn Phố Cẩm", "xã Đông Hưng", "Lục Nam",
    ),
    "co_khi_hy": EstablishmentRow(
        "Hộ kinh doanh Cơ khí Hải Yến", HKD, "Trịnh Văn Hải",
        "thôn Bãi Đá", "xã Tiên Nha", "Lục Nam",
    ),
    # Lục Ngạn
    "my_chu": EstablishmentRow(
        "Hợp tác xã Sản xuất và Kinh doanh Mỳ Chũ Nam Dương", HTX, "Nguyễn Thị Huyền",
        "thôn Thủ Dương", "xã Nam Dương", "Lục Ngạn", "mychunamduong@gmail.com",
    ),
    "vai_say": EstablishmentRow(
        "Công ty TNHH Chế biến nông sản Phương Anh", DN, "Lục Văn Phương",
        "thôn Trại Ba", "xã Quý Sơn", "Lục Ngạn",
    ),
    "lo_say": EstablishmentRow(
        "Hộ kinh doanh Cơ khí Lâm Hường", HKD, "Lâm Văn Hường",
        "thôn Hồng Tân", "xã Hồng Giang", "Lục Ngạn",
    ),
    # Tân Yên
    "nhang": EstablishmentRow(
        "Hộ kinh doanh Nhang trầm Hương Lan", HKD, "Đào Thị Lan",
        "thôn Trong", "xã Cao Xá", "Tân Yên",
    ),
    "tre_phuc_hoa": EstablishmentRow(
        "Tổ hợp tác mây tre đan Phúc Hòa", THT, "Nguyễn Văn Sơn",
        "thôn Phúc Lễ", "xã Phúc Hòa", "Tân Yên",
    ),
    "dau_lac": EstablishmentRow(
        "Hợp tác xã Dịch vụ nông nghiệp Quang Tiến", HTX, "Hà Văn Lực",
        "thôn Tân Phú", "xã Quang Tiến", "Tân Yên",
    ),
    # Yên Dũng
    "tuong": EstablishmentRow(
        "Hộ kinh doanh Tương nếp Tiền Phong", HKD, "Hà Thị Thủy",
        "thôn Thành Sơn", "xã Tiền Phong", "Yên Dũng",
    ),
    "ren": EstablishmentRow(
        "Tổ hợp tác rèn Nội Hoàng", THT, "Vũ Văn Dũng",
        "thôn Ngọ Khổng", "xã Nội Hoàng", "Yên Dũng",
    ),
    "banh_chung": EstablishmentRow(
        "Hộ kinh doanh Bánh chưng Tư Mại", HKD, "Lê Thị Nguyệt",
        "thôn Quang Biểu", "xã Tư Mại", "Yên Dũng",
    ),
    "manh_tre": EstablishmentRow(
        "Tổ hợp tác mành tre Lãng Sơn", THT, "Nguyễn Văn Tâm",
        "thôn Lãng Sơn", "xã Lãng Sơn", "Yên Dũng",
    ),
    # Yên Thế
    "che": EstablishmentRow(
        "Hợp tác xã Chè Hồng Kỳ", HTX, "Hoàng Văn Nghĩa",
        "thôn Hồng Lại", "xã Hồng Kỳ", "Yên Thế",
    ),
    "choi": EstablishmentRow(
        "Tổ hợp tác chổi chít Tam Tiến", THT, "Dương Thị Thêm",
        "thôn Trại Mới", "xã Tam Tiến", "Yên Thế",
    ),
    "mat_ong_yt": EstablishmentRow(
        "Hợp tác xã Ong mật Đồng Tâm", HTX, "Thân Văn Quyết",
        "thôn Đồng Gian", "xã Đồng Tâm", "Yên Thế", "ongmatdongtam@gmail.com",
    ),
    # TP. Bắc Giang
    "banh_da_ke": EstablishmentRow(
        "Hộ kinh doanh Bánh đa Kế Ngọc Anh", HKD, "Nguyễn Thị Ngọc Anh",
        "thôn Kế", "xã Dĩnh Trì", CITY,
    ),
    "nhom": EstablishmentRow(
        "Công ty TNHH Cơ khí nhôm kính Tân Phát", DN, "Trần Văn Phát",
        "thôn Mỹ Cầu", "xã Tân Mỹ", CITY,
    ),
    "theu": EstablishmentRow(
        "Hộ kinh doanh Thêu tay Minh Nguyệt", HKD, "Phạm Thị Minh Nguyệt",
        "thôn Mai Sơn", "xã Song Mai", CITY,
    ),
    "bao_bi": EstablishmentRow(
        "Công ty Cổ phần Bao bì Song Khê", DN, "Đinh Quang Huy",
        "thôn Khả Lý", "xã Song Khê", CITY,
    ),
}

# Establishments registering through a branch (chi nhánh): their tax code carries "-001".
BRANCH_OFFICES = frozenset({"vai_say", "nhom", "phu_tung"})

PRODUCTS = (
    # 1. Thủ công mỹ nghệ
    ProductRow("Bình gốm men nâu Thổ Hà", 1, "gom_tho_ha"),
    ProductRow("Chum, vại sành Thổ Hà", 1, "gom_tho_ha"),
    ProductRow("Bộ sản phẩm mây tre đan trang trí nội thất (khay, giỏ, lẵng hoa, chao đèn)", 1, "may_tre_hp"),
    ProductRow("Làn mây đan thủ công xuất khẩu nhiều kích cỡ, kiểu dáng theo đơn đặt hàng", 1, "may_tre_hp"),
    ProductRow("Nón lá Đông Lỗ", 1, "non_la"),
    ProductRow("Tranh gỗ chạm khắc phong cảnh", 1, "do_go"),
    ProductRow("Bàn ghế gỗ mỹ nghệ kiểu cổ", 1, "do_go"),
    ProductRow("Rổ, rá tre đan Phúc Hòa", 1, "tre_phuc_hoa"),
    ProductRow("Đèn trang trí từ tre", 1, "tre_phuc_hoa"),
    ProductRow("Tranh thêu tay truyền thống", 1, "theu"),
    ProductRow("Mành tre trúc Lãng Sơn", 1, "manh_tre"),
    # 2. Chế biến nông, lâm, thủy sản và thực phẩm
    ProductRow("Mỳ Chũ", 2, "my_chu"),
    ProductRow("Mỳ Chũ ngũ sắc", 2, "my_chu"),
    ProductRow("Rượu làng Vân", 2, "ruou_van"),
    ProductRow("Rượu mơ làng Vân", 2, "ruou_van"),
    ProductRow("Bánh đa Kế", 2, "banh_da_ke"),
    ProductRow("Bánh đa nem Thổ Hà", 2, "banh_da_nem"),
    ProductRow("Chè xanh Yên Thế", 2, "che"),
    ProductRow("Chè túi lọc Hồng Kỳ", 2, "che"),
    ProductRow("Vải thiều sấy khô Lục Ngạn", 2, "vai_say"),
    ProductRow("Cùi vải thiều sấy dẻo", 2, "vai_say"),
    ProductRow("Mật ong hoa vải", 2, "mat_ong_bs"),
    ProductRow("Mật ong rừng Yên Thế", 2, "mat_ong_yt"),
    ProductRow("Gạo nếp cái hoa vàng Mai Đình", 2, "gao_mai_dinh"),
    ProductRow("Tương nếp Tiền Phong", 2, "tuong"),
    ProductRow("Miến dong Tân Thịnh", 2, "mien_dong"),
    ProductRow("Tinh bột nghệ Cẩm Lý", 2, "nghe"),
    ProductRow("Dầu lạc ép thủ công Quang Tiến", 2, "dau_lac"),
    ProductRow("Bánh chưng Tư Mại", 2, "banh_chung"),
    # 3. Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí
    ProductRow("Máy tuốt lúa liên hợp", 3, "co_khi_td"),
    ProductRow("Máy băm thái rau, chuối làm thức ăn chăn nuôi", 3, "co_khi_td"),
    ProductRow("Lò sấy vải thiều dùng hơi nóng gián tiếp", 3, "lo_say"),
    ProductRow("Dao, kéo rèn thủ công", 3, "ren"),
    ProductRow("Nông cụ cầm tay rèn (cuốc, xẻng, liềm)", 3, "ren"),
    ProductRow("Khung cửa nhôm kính", 3, "nhom"),
    ProductRow("Cổng sắt mỹ thuật", 3, "nhom"),
    ProductRow("Máy xay xát gạo mini", 3, "co_khi_hy"),
    ProductRow("Phụ tùng máy nông nghiệp (lưỡi phay, bánh lồng)", 3, "phu_tung"),
    # 4. Sản phẩm khác
    ProductRow("Hương nhang trầm Cao Xá", 4, "nhang"),
    ProductRow("Chổi chít Tam Tiến", 4, "choi"),
    ProductRow("Chổi đót Yên Thế", 4, "choi"),
    ProductRow("Phân bón hữu cơ vi sinh", 4, "phan_bon"),
    ProductRow("Gạch bê tông không nung", 4, "gach"),
    ProductRow("Quần áo bảo hộ lao động", 4, "may_mac"),
    ProductRow("Thùng carton 5 lớp", 4, "bao_bi"),
    ProductRow("Nước rửa chén sinh học từ quả bồ hòn", 4, "bo_hon"),
)

# Dossier gaps found at reception, by product name: the field that is short and the note staff wrote.
DOSSIER_GAPS = {
    "Đèn trang trí từ tre": ("photos", "Mới nộp 2 ảnh màu, hẹn bổ sung"),
    "Nón lá Đông Lỗ": ("has_business_reg", "Chưa có bản sao hợp đồng hợp tác"),
    "Bánh chưng Tư Mại": ("has_food_safety", "Đang làm thủ tục cấp giấy chứng nhận ATTP"),
    "Chổi đót Yên Thế": ("has_description", "Thiếu bản thuyết minh sản phẩm"),
}

# The judging panel: code, name, title, unit.
JUDGES = (
    ("GK01", "Nguyễn Văn Hiếu", "Phó Giám đốc", "Sở Công Thương tỉnh Bắc Giang"),
    ("GK02", "Trần Thị Thu Hà", "Phó Chi cục trưởng Chi cục Phát triển nông thôn",
     "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang"),
    ("GK03", "Lê Minh Tuấn", "Giám đốc",
     "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Bắc Giang"),
    ("GK04", "Phạm Quốc Khánh", "TS., Giảng viên chính",
     "Trường Đại học Nông – Lâm Bắc Giang"),
    ("GK05", "Đỗ Thị Thanh Hương", "Phó Chủ tịch", "Hội Nông dân tỉnh Bắc Giang"),
)

# The contest's facts as printed on the decision and the certificates.
ORGANISER = "Sở Công Thương tỉnh Bắc Giang"
DECISION_NO = "1234/QĐ-UBND"
SIGNER = "Nguyễn Văn Khánh"

# Judges' short remarks, by how the judge rated the product.
COMMENTS_HIGH = (
    "Sản phẩm có thương hiệu, thị trường tiêu thụ ổn định",
    "Chất lượng tốt, mẫu mã đẹp, đủ điều kiện xuất khẩu",
    "Quy trình sản xuất bài bản, tạo nhiều việc làm cho lao động nông thôn",
    "Mang đậm nét truyền thống của làng nghề",
)
COMMENTS_MIDDLE = (
    "Cần đầu tư thêm bao bì, nhãn mác",
    "Nên đăng ký bảo hộ nhãn hiệu",
    "Quy mô sản xuất còn nhỏ",
    "Cần mở rộng kênh tiêu thụ qua thương mại điện tử",
)
COMMENTS_LOW = (
    "Sản phẩm chưa có điểm khác biệt so với thị trường",
    "Hồ sơ thuyết minh sơ sài, chưa nêu rõ hiệu quả kinh tế",
    "Chưa có giải pháp xử lý môi trường",
    "Thị trường tiêu thụ hẹp, chủ yếu trong huyện",
)

# The two remarks that show why the panel disagreed on the disputed product.
DISPUTE_COMMENTS = {
    "high": "Sản phẩm tinh xảo, giàu giá trị nghệ thuật",
    "low": "Giá thành cao, khó mở rộng thị trường, chưa có đơn hàng ổn định",
}
