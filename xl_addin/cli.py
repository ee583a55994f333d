"""The `binhchon` command: parses arguments, calls the use cases, prints Vietnamese results."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import cli_format, cli_progress
from .cli_parser import VietnameseArgumentParser, examples, whole_number
from .cli_report import add_report_command
from .domain import rules as rules_mod
from .domain import schema
from .domain.findings import Finding, error
from .errors import BinhchonError, WorkbookError
from .usecases.actions import BY_KEY as ACTIONS

if TYPE_CHECKING:
    from .workbooks.contest_book import FileContestBook


def failure_finding(exc: BinhchonError) -> Finding:
    """A failure as a finding, for `--json`: coded by its error class (workbook-locked, unreadable-file, blocked…)."""
    return error(exc.code, "", "", exc.message)


def contest_path(arg: str) -> Path:
    """The contest workbook meant by a DIR argument (a folder, or the .xlsx itself)."""
    p = Path(arg)
    return p if p.suffix.lower() == ".xlsx" else p / schema.CONTEST_FILE


def open_book(arg: str) -> FileContestBook:
    """The contest workbook of DIR, refusing clearly when there is none."""
    path = contest_path(arg)
    if not path.exists():
        raise WorkbookError(
            f"Không tìm thấy sổ bình chọn {path}. Hãy tạo bằng: binhchon init {arg} --year … --level tinh --province …"
        )
    from .workbooks.contest_book import FileContestBook  # openpyxl: not for the commands that open no workbook

    return FileContestBook(path)


def cmd_init(args) -> int:
    """`binhchon init`: create the contest folder and workbook."""
    from .usecases.init import init_contest

    outcome = init_contest(Path(args.dir), year=args.year, level=args.level, province=args.province,
                           region=args.region or "", organiser=args.organiser or "", preset=args.preset)
    print(outcome.summary())
    print("Bước tiếp theo: nhập sheet Đăng ký và Giám khảo, rồi chạy: binhchon validate " + args.dir)
    return 0


def cmd_validate(args) -> int:
    """`binhchon validate`: check the workbook; exit 0, 1 (errors) or 2 (unusable)."""
    validate = ACTIONS["check_registrations"].load()
    book = open_book(args.dir)
    outcome = _run_saving(book, lambda: validate(book))
    _print_findings(outcome.findings, args.json)
    if not args.json:
        print(f"{book.label}: {outcome.summary()}")
        if outcome.exit_code == 2:
            print("Sổ này không dùng được: thiếu sheet bắt buộc. Hãy dùng sổ tạo bằng `binhchon init`.")
    return outcome.exit_code


def cmd_judges(args) -> int:
    """`binhchon judges`: write the judges' scoring workbooks."""
    make_judge_sheets = ACTIONS["make_judge_sheets"].load()
    book = open_book(args.dir)
    progress = cli_progress.for_terminal()
    outcome = _run_saving(book, lambda: make_judge_sheets(book, overwrite=args.overwrite, progress=progress))
    _print_findings(outcome.findings, False)
    print(outcome.summary())
    for p in outcome.written + outcome.kept:
        print(f"  {p}")
    return 0


def cmd_results(args) -> int:
    """`binhchon results`: compute and write the results; exit 1 when blocked."""
    compute = ACTIONS["compute_provisional" if args.provisional else "compute_results"].load()
    book = open_book(args.dir)
    progress = cli_progress.for_terminal(quiet=args.json)
    outcome = _run_saving(book, lambda: compute(book, provisional=args.provisional, progress=progress))
    _print_findings(outcome.findings, args.json)
    if not args.json:
        if outcome.result_set is not None:
            print(cli_format.results_table(outcome.result_set))
            print(outcome.result_set.tie_break_text)
        print(outcome.summary())
    return outcome.exit_code


def cmd_import(args) -> int:
    """`binhchon import`: append the products sent by lower levels."""
    from .usecases.importing import import_registrations

    book = open_book(args.dir)
    outcome = _run_saving(book, lambda: import_registrations(book, [Path(f) for f in args.files]))
    _print_findings(outcome.findings, args.json)
    if not args.json:
        for source, code, name in outcome.added:
            print(f"  + {code}  {name}  ({source})")
        print(outcome.summary())
    return outcome.exit_code


def cmd_documents(args) -> int:
    """`binhchon documents`: certificates, annex and score summary."""
    make_documents_for = ACTIONS["make_documents"].load()
    book = open_book(args.dir)
    progress = cli_progress.for_terminal()
    outcome = _run_saving(book, lambda: make_documents_for(book, pdf=args.pdf, only_new=args.only_new,
                                                           progress=progress))
    print(outcome.summary())
    return 0


def cmd_demo(args) -> int:
    """`binhchon demo`: the whole workflow on the sample programme."""
    from .cli_demo import run_demo

    return run_demo(Path(args.dir), print_fn=print, progress=cli_progress.for_terminal())


def _run_saving(book: FileContestBook, action: Callable):
    """Run a use case, then save what it wrote to the workbook, even when it refused with a message."""
    try:
        outcome = action()
    except BinhchonError as refusal:
        try:
            book.save()  # the refusal's log row
        except BinhchonError:
            pass  # the workbook cannot be written either: the refusal is what the user must read first
        raise refusal
    book.save()
    return outcome


def _print_findings(findings, as_json: bool) -> None:
    if as_json:
        print(cli_format.findings_json(findings))
    elif findings:
        print(cli_format.findings_table(findings))


DESCRIPTION = "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu: sổ bình chọn, phiếu chấm, kết quả, văn bản."
WORKFLOW = examples(
    'binhchon init bg2025 --year 2025 --level tinh --province "Bắc Ninh"',
    "  (nhập sheet Đăng ký và Giám khảo trong bg2025/binhchon.xlsx)",
    "binhchon validate bg2025",
    "binhchon judges bg2025        (phát phieu_cham/*.xlsx, thu về đặt lại chỗ cũ)",
    "binhchon results bg2025",
    "binhchon documents bg2025 --pdf",
).replace("Ví dụ:", "Các bước: init → validate → judges → results → documents", 1) + (
    "\n\nXem hướng dẫn từng lệnh: binhchon LỆNH --help")


def _dir_argument(parser) -> None:
    parser.add_argument("dir", metavar="THƯ_MỤC", help="thư mục cuộc bình chọn (hoặc đường dẫn tới binhchon.xlsx)")


def _json_argument(parser) -> None:
    parser.add_argument("--json", action="store_true", help="in danh sách phát hiện dạng JSON (cho máy đọc)")


def build_parser() -> VietnameseArgumentParser:
    """The argument parser of every sub-command (Vietnamese help and errors, sub-commands included)."""
    p = VietnameseArgumentParser(prog="binhchon", description=DESCRIPTION, epilog=WORKFLOW)
    sub = p.add_subparsers(dest="command", required=True, metavar="LỆNH")
    s = sub.add_parser("init", help="tạo thư mục cuộc bình chọn và sổ binhchon.xlsx",
                       description="Tạo thư mục cuộc bình chọn: sổ binhchon.xlsx, phieu_cham/ và van_ban/.",
                       epilog=examples('binhchon init bg2025 --year 2025 --level tinh --province "Bắc Ninh"',
                                       'binhchon init ocop2025 --year 2025 --province "Bắc Ninh" --preset ocop-2023'))
    s.add_argument("dir", metavar="THƯ_MỤC", help="thư mục sẽ chứa cuộc bình chọn (được tạo nếu chưa có)")
    s.add_argument("--year", type=whole_number, required=True, metavar="NĂM", help="năm bình chọn, ví dụ 2025")
    s.add_argument("--level", choices=list(rules_mod.LEVELS), default="tinh",
                   help="cấp bình chọn: " + ", ".join(f"{k} = {v}" for k, v in rules_mod.LEVELS.items()) + " (mặc định: tinh)")
    s.add_argument("--province", required=True, metavar="TỈNH", help="tên tỉnh, ví dụ \"Bắc Ninh\"")
    s.add_argument("--region", metavar="KHU_VỰC", help="khu vực (chỉ cấp khu vực)")
    s.add_argument("--organiser", metavar="CƠ_QUAN", help="cơ quan tổ chức (cấp tỉnh mặc định: Sở Công Thương tỉnh …)")
    s.add_argument("--preset", choices=list(rules_mod.PRESETS), default=rules_mod.DEFAULT_PRESET,
                   help=f"bộ quy định điền sẵn vào sheet Quy định (mặc định: {rules_mod.DEFAULT_PRESET}; "
                        "ocop-2023 chấm theo hạng sao)")
    s.set_defaults(func=cmd_init)
    s = sub.add_parser("validate", help="kiểm tra sổ đăng ký, ghi sheet Kiểm tra",
                       description="Kiểm tra mọi dòng đăng ký, giám khảo và quy định trong một lần; ghi sheet "
                                   "Kiểm tra, tô màu ô sai. Mã thoát: 0 không có lỗi, 1 có lỗi, 2 sổ không dùng được.",
                       epilog=examples("binhchon validate bg2025", "binhchon validate bg2025 --json"))
    _dir_argument(s)
    _json_argument(s)
    s.set_defaults(func=cmd_validate)
    s = sub.add_parser("judges", help="tạo phiếu chấm cho từng giám khảo",
                       description="Tạo phiếu chấm phieu_cham/<Mã giám khảo>.xlsx cho mỗi giám khảo.",
                       epilog=examples("binhchon judges bg2025", "binhchon judges bg2025 --ghi-de"))
    _dir_argument(s)
    s.add_argument("--ghi-de", "--overwrite", dest="overwrite", action="store_true",
                   help="tạo lại phiếu đã có (phiếu cũ được chuyển vào sao_luu/)")
    s.set_defaults(func=cmd_judges)
    s = sub.add_parser("results", help="đọc phiếu chấm, tính điểm, xếp hạng, ghi sheet Kết quả",
                       description="Đọc phiếu chấm trong phieu_cham/ (không ghi vào phiếu), kiểm tra, tính điểm "
                                   "bình quân, xếp hạng và ghi sheet Kết quả.",
                       epilog=examples("binhchon results bg2025", "binhchon results bg2025 --tam-tinh"))
    _dir_argument(s)
    s.add_argument("--provisional", "--tam-tinh", dest="provisional", action="store_true",
                   help="tính tạm khi còn thiếu điểm (đánh dấu TẠM TÍNH)")
    _json_argument(s)
    s.set_defaults(func=cmd_results)
    s = sub.add_parser("import", help="nhập danh sách sản phẩm từ cấp xã/huyện",
                       description="Thêm vào sheet Đăng ký các sản phẩm cấp dưới gửi lên (chỉ dòng được đề xuất "
                                   "lên cấp trên), ghi rõ nguồn và từ chối dòng trùng.",
                       epilog=examples("binhchon import bg2025 luc_ngan.xlsx yen_the.xlsx"))
    _dir_argument(s)
    s.add_argument("files", nargs="+", metavar="TỆP", help="sổ bình chọn hoặc danh sách đăng ký (.xlsx) của cấp dưới")
    _json_argument(s)
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("documents", help="in giấy chứng nhận, danh sách kèm quyết định, bảng tổng hợp điểm",
                       description="Ghi vào van_ban/ giấy chứng nhận cho sản phẩm được Hội đồng đề xuất, tệp in "
                                   "gộp, danh sách kèm quyết định và bảng tổng hợp điểm.",
                       epilog=examples("binhchon documents bg2025", "binhchon documents bg2025 --pdf --only-new"))
    _dir_argument(s)
    s.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    s.add_argument("--only-new", action="store_true", help="bỏ qua giấy chứng nhận đã có và không đổi")
    s.set_defaults(func=cmd_documents)
    s = sub.add_parser("demo", help="chạy toàn bộ quy trình trên bộ dữ liệu mẫu",
                       description="Chạy init, validate, judges, results và documents trên chương trình mẫu "
                                   "Bắc Giang 2019 (xóa và tạo lại thư mục của lần chạy thử trước).",
                       epilog=examples("binhchon demo", "binhchon demo thu_nghiem"))
    s.add_argument("dir", nargs="?", default="demo_output", metavar="THƯ_MỤC",
                   help="thư mục ghi kết quả chạy thử (mặc định: demo_output)")
    s.set_defaults(func=cmd_demo)
    add_report_command(sub)  # `binhchon report` (báo cáo tổng kết), in cli_report.py
    from .excel.cli_hooks import register_cli  # adds `addin build|install` and `serve`; xlwings loads lazily

    register_cli(sub)
    from .cli_register import add_register_commands  # `register add|template|import|show|expiring|export|nghi-trung`

    add_register_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
        sys.stderr.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BinhchonError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        if getattr(args, "json", False):  # machines still get a JSON list on stdout
            print(cli_format.findings_json([failure_finding(exc)]))
        return exc.exit_code
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except Exception as exc:  # the user never sees a traceback; developers can ask for it
        if os.environ.get("BINHCHON_DEBUG"):
            import traceback  # only here: its import (textwrap…) is a hundredth of a start

            traceback.print_exc()
        print(f"Lỗi không mong đợi ({type(exc).__name__}: {exc}). Dữ liệu của bạn không bị thay đổi. "
              "Hãy gửi thông báo này cho bộ phận kỹ thuật (đặt BINHCHON_DEBUG=1 để xem chi tiết).", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
