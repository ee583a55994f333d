"""`binhchon register show|expiring|export|nghi-trung`: asking the register, printed for a person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .domain import register_schema as rs
from .domain import rules
from .domain.values import vn_number, yes_no_text
from .domain.vndate import dmy


def _date(value: dt.date | None) -> str:
    return dmy(value) if value else "-"


def _yn(flag: bool | None) -> str:
    return "-" if flag is None else yes_no_text(flag)


MAX_CELL = 44  # longer names are cut with "…" in terminal tables (the export has them whole)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _table(head: list[str], rows: list[list[str]], indent: str = "  ") -> str:
    rows = [[_clip(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(indent + line.rstrip() for line in lines)


def print_history(h) -> None:
    """One establishment's history as a person reads it."""
    print(f"{h.name} — mã số {h.tax_code or 'chưa có'} — {', '.join(p for p in (h.commune, h.district, h.province) if p)}")
    if len(h.names) > 1:
        print("  Tên đã đăng ký: " + "; ".join(h.names))
    for other_id, other_name, other_tax in h.same_as:
        print(f"  Đã xác nhận là cùng một cơ sở với: {other_name} (mã cơ sở {other_id}, mã số {other_tax or 'chưa có'}); "
              "sổ vẫn giữ riêng lịch sử của từng mã.")
    print("  Đăng ký:")
    print(_table(["Năm", "Cấp", "Mã SP", "Tên sản phẩm", "Tổng điểm", "Đạt", "HĐ đề xuất", "Hồ sơ thiếu"], [
        [str(r.year), rules.LEVELS.get(r.level, r.level), r.product_code, r.product_name,
         vn_number(r.total) if r.total is not None else "-", _yn(r.passed), _yn(r.council),
         "; ".join(r.missing_documents) or "-"] for r in h.registrations], "    "))
    if h.certificates:
        print("  Công nhận và giấy chứng nhận:")
        print(_table(["Năm", "Cấp", "Tên sản phẩm", "Số giấy chứng nhận", "Hiệu lực đến", "Tình trạng"], [
            [str(c.year), rules.LEVELS.get(c.level, c.level), c.product_name, c.cert_no or "-", _date(c.valid_until),
             c.status] for c in h.certificates], "    "))
    if h.rounds:
        print("  Tham gia cấp trên:")
        print(_table(["Năm", "Cấp", "Tên sản phẩm", "Được công nhận"], [
            [str(r.year), rules.LEVELS.get(r.level, r.level), r.product_name, _yn(r.recognised)] for r in h.rounds],
            "    "))


def cmd_show(args) -> int:
    """`register show QUERY`: an establishment's history by tax number or name."""
    from .cli_register import open_for
    from .usecases.register_queries import show_establishments

    with open_for(args, Path.cwd()) as register:
        found = show_establishments(register, args.query)
    for i, history in enumerate(found):
        if i:
            print()
        print_history(history)
    return 0


def cmd_expiring(args) -> int:
    """`register expiring --year Y [--letters]`: certificates ending that year, and the invitations."""
    from .cli_register import open_for
    from .documents.letters import Sender, default_sender
    from .usecases.register_queries import expiring

    out = Path(args.out) if args.out else Path.cwd() / rs.LETTERS_DIR
    today = dt.date.today()
    sender = None
    if args.sender or args.signer:
        base = default_sender(args.province or "", today)
        sender = Sender(agency=args.sender or base.agency, parent_agency=base.parent_agency, place=base.place,
                        signer=args.signer or "", date=today)
    with open_for(args, Path.cwd()) as register:
        outcome = expiring(register, args.year, letters_dir=out if args.letters else None, sender=sender,
                           pdf=args.pdf, today=today)
    if outcome.lines:
        print(_table(["Cơ sở", "Mã số", "Tên sản phẩm", "Cấp, năm", "Số giấy chứng nhận", "Hiệu lực đến", "Tình trạng"], [
            [c.establishment_name, c.tax_code or "-", c.product_name, f"{rules.LEVELS.get(c.level, c.level)} {c.year}",
             c.cert_no or "-", _date(c.valid_until), c.status] for c in outcome.lines], ""))
    print(outcome.summary())
    if outcome.letters and outcome.letters.pdf_message:
        print(outcome.letters.pdf_message)
    return 0


def cmd_export(args) -> int:
    """`register export FILE.xlsx`: every view of the register as Excel tables."""
    from .cli_register import open_for
    from .usecases.register_queries import export_register

    with open_for(args, Path.cwd()) as register:
        outcome = export_register(register, Path(args.file))
    print(outcome.summary())
    return 0


def cmd_duplicates(args) -> int:
    """`register nghi-trung`: establishments that look alike, for a person to confirm (never merged)."""
    from .cli_register import open_for
    from .usecases.register_queries import duplicates

    with open_for(args, Path.cwd()) as register:
        pairs = duplicates(register)
    if pairs:
        print(_table(["Mã 1", "Tên cơ sở 1", "Mã số 1", "Mã 2", "Tên cơ sở 2", "Mã số 2", "Xã/phường", "Độ giống",
                      "Xác nhận"], [
            [str(p.first_id), p.first_name, p.first_tax or "-", str(p.second_id), p.second_name, p.second_tax or "-",
             p.commune, f"{p.score}%", "Cùng một cơ sở" if p.confirmed else "Chưa xác nhận"] for p in pairs], ""))
    open_pairs = sum(1 for p in pairs if not p.confirmed)
    print(f"{open_pairs} cặp cơ sở nghi trùng chưa xác nhận, {len(pairs) - open_pairs} cặp đã xác nhận là cùng một "
          f"cơ sở (cùng xã/phường, tên gần giống). Sổ không tự gộp: hãy chọn Có/Không ở cột “{rs.COL_SAME}” "
          f"của sheet “{rs.VIEW_DUPLICATES}” (binhchon register export) rồi chạy binhchon register import tệp đó; "
          "cặp đã chọn Không sẽ không được nêu lại.")
    return 0


def add_query_commands(sub, with_register, year_type) -> None:
    """Add the register's query sub-commands."""
    s = with_register(sub.add_parser("show", help="tra cứu lịch sử một cơ sở theo mã số ĐKKD/MST hoặc tên"))
    s.add_argument("query", metavar="TÌM", help="mã số ĐKKD/MST hoặc một phần tên cơ sở (không cần dấu)")
    s.set_defaults(func=cmd_show)
    s = with_register(sub.add_parser("expiring", help="giấy chứng nhận hết hiệu lực trong một năm; --letters: thư mời"))
    s.add_argument("--year", type=year_type, required=True, metavar="NĂM", help="năm hết hiệu lực, ví dụ 2022")
    s.add_argument("--letters", action="store_true", help="viết thư mời đăng ký lại: mỗi cơ sở một tệp và một tệp in chung")
    s.add_argument("--out", metavar="THƯ_MỤC", help=f"thư mục ghi thư mời (mặc định ./{rs.LETTERS_DIR})")
    s.add_argument("--pdf", action="store_true", help="xuất thêm PDF của từng thư và của tệp in chung (cần LibreOffice)")
    s.add_argument("--sender", metavar="CƠ_QUAN", help="cơ quan gửi thư (mặc định Sở Công Thương của tỉnh)")
    s.add_argument("--province", metavar="TỈNH", help="tỉnh ghi ở địa danh và cơ quan chủ quản khi dùng --sender")
    s.add_argument("--signer", metavar="HỌ_TÊN", help="họ tên người ký thư")
    s.set_defaults(func=cmd_expiring)
    s = with_register(sub.add_parser("export", help="xuất sổ theo dõi ra Excel: mỗi bảng một sheet, có lọc"))
    s.add_argument("file", metavar="TỆP.xlsx", help="tệp Excel sẽ ghi")
    s.set_defaults(func=cmd_export)
    for name in ("nghi-trung", "duplicates"):
        s = with_register(sub.add_parser(name, help="liệt kê các cơ sở nghi trùng (cùng xã, tên gần giống); không tự gộp"))
        s.set_defaults(func=cmd_duplicates)
