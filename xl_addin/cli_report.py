"""`binhchon report`: the summary report (báo cáo tổng kết) of a year or a period, from the register."""

from __future__ import annotations

from pathlib import Path

from .domain import report_messages as msg
from .errors import BinhchonError

REGISTER_HELP = ("sổ theo dõi: đường dẫn tệp .sqlite hoặc URL PostgreSQL (mặc định: biến môi trường "
                 "BINHCHON_REGISTER, nếu không có thì so_theo_doi.sqlite trong thư mục hiện tại)")


def period(args) -> tuple[int, int]:
    """The report's (first, last) year from --year or --from/--to; BinhchonError when neither is given."""
    if args.year is not None:
        if args.year_from is not None or args.year_to is not None:
            raise BinhchonError("Chỉ dùng --year, hoặc --from/--to, không dùng cả hai.")
        return args.year, args.year
    if args.year_from is None and args.year_to is None:
        raise BinhchonError(msg.NO_PERIOD)
    first = args.year_from if args.year_from is not None else args.year_to
    return first, args.year_to if args.year_to is not None else first


def cmd_report(args) -> int:
    """`binhchon report`: write the report from the register; exit 0, 1 (refused) or 2 (register unusable)."""
    from .register import open_register
    from .usecases.report import default_out_dir, make_report

    year_from, year_to = period(args)
    out_dir = Path(args.out) if args.out else default_out_dir(Path.cwd())
    with open_register(args.register, Path.cwd()) as register:
        outcome = make_report(register, year_from, year_to, out_dir, pdf=args.pdf, location=register.where)
        outcome.notes = list(register.notes)
    print(outcome.summary())
    return outcome.exit_code


def add_report_command(subparsers) -> None:
    """Add `binhchon report` to the sub-command parsers."""
    s = subparsers.add_parser("report", help="viết báo cáo tổng kết (Word, PDF) của một năm hoặc một giai đoạn từ sổ theo dõi",
                              description="Viết báo cáo tổng kết công tác bình chọn sản phẩm CNNT tiêu biểu "
                                          "(thể thức Nghị định 30/2020/NĐ-CP) từ sổ theo dõi nhiều năm.")
    s.add_argument("--from", dest="year_from", type=int, metavar="NĂM", help="năm đầu của kỳ báo cáo")
    s.add_argument("--to", dest="year_to", type=int, metavar="NĂM", help="năm cuối của kỳ báo cáo")
    s.add_argument("--year", type=int, metavar="NĂM", help="báo cáo một năm (thay cho --from/--to)")
    s.add_argument("--out", metavar="THƯ_MỤC",
                   help="thư mục ghi báo cáo (mặc định: bao_cao/ trong thư mục hiện tại)")
    s.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    s.add_argument("--register", metavar="TỆP_HOẶC_URL", help=REGISTER_HELP)
    s.set_defaults(func=cmd_report)


