"""The `binhchon` command: parses arguments, calls the use cases, prints Vietnamese results."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

from . import cli_format
from .cli_report import add_report_command
from .domain import rules as rules_mod
from .domain import schema
from .domain.findings import Finding, error
from .errors import BinhchonError, BlockedError, WorkbookError, WorkbookLockedError
from .workbooks.contest_book import FileContestBook


def failure_finding(exc: BinhchonError) -> Finding:
    """A failure as a finding, for `--json`: workbook-locked, unreadable-file or blocked."""
    code = ("workbook-locked" if isinstance(exc, WorkbookLockedError)
            else "unreadable-file" if isinstance(exc, WorkbookError)
            else "blocked" if isinstance(exc, BlockedError) else "failed")
    return error(code, "", "", exc.message)


def contest_path(arg: str) -> Path:
    """The contest workbook meant by a DIR argument (a folder, or the .xlsx itself)."""
    p = Path(arg)
    return p if p.suffix.lower() == ".xlsx" else p / schema.CONTEST_FILE


def open_book(arg: str) -> FileContestBook:
    """The contest workbook of DIR, refusing clearly when there is none."""
    path = contest_path(arg)
    if not path.exists():
        raise BinhchonError(
            f"Không tìm thấy sổ bình chọn {path}. Hãy tạo bằng: binhchon init {arg} --year … --level tinh --province …"
        )
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
    from .usecases.validate import validate

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
    from .usecases.judges import make_judge_sheets

    book = open_book(args.dir)
    outcome = _run_saving(book, lambda: make_judge_sheets(book, overwrite=args.overwrite))
    _print_findings(outcome.findings, False)
    print(outcome.summary())
    for p in outcome.written + outcome.kept:
        print(f"  {p}")
    return 0


def cmd_results(args) -> int:
    """`binhchon results`: compute and write the results; exit 1 when blocked."""
    from .usecases.results import compute

    book = open_book(args.dir)
    outcome = _run_saving(book, lambda: compute(book, provisional=args.provisional))
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
    from .usecases.documents import make_documents_for

    book = open_book(args.dir)
    outcome = _run_saving(book, lambda: make_documents_for(book, pdf=args.pdf, only_new=args.only_new))
    print(outcome.summary())
    return 0


def cmd_demo(args) -> int:
    """`binhchon demo`: the whole workflow on the sample programme."""
    from .usecases.demo import run_demo

    return run_demo(Path(args.dir), print_fn=print)


def _run_saving(book: FileContestBook, action: Callable):
    """Run a use case, then save what it wrote to the workbook, even when it refused with a message."""
    try:
        outcome = action()
    except BinhchonError:
        book.save()
        raise
    book.save()
    return outcome


def _print_findings(findings, as_json: bool) -> None:
    if as_json:
        print(cli_format.findings_json(findings))
    elif findings:
        print(cli_format.findings_table(findings))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    p = argparse.ArgumentParser(prog="binhchon", description="Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu.")
    sub = p.add_subparsers(dest="command", required=True, metavar="LỆNH")
    s = sub.add_parser("init", help="tạo thư mục cuộc bình chọn và sổ binhchon.xlsx")
    s.add_argument("dir")
    s.add_argument("--year", type=int, required=True, help="năm bình chọn")
    s.add_argument("--level", choices=list(rules_mod.LEVELS), default="tinh", help="cấp bình chọn")
    s.add_argument("--province", required=True, help="tên tỉnh")
    s.add_argument("--region", help="khu vực (cấp khu vực)")
    s.add_argument("--organiser", help="cơ quan tổ chức")
    s.add_argument("--preset", choices=list(rules_mod.PRESETS), default=rules_mod.DEFAULT_PRESET)
    s.set_defaults(func=cmd_init)
    s = sub.add_parser("validate", help="kiểm tra sổ đăng ký, ghi sheet Kiểm tra")
    s.add_argument("dir")
    s.add_argument("--json", action="store_true", help="in danh sách lỗi dạng JSON")
    s.set_defaults(func=cmd_validate)
    s = sub.add_parser("judges", help="tạo phiếu chấm cho từng giám khảo")
    s.add_argument("dir")
    s.add_argument("--ghi-de", "--overwrite", dest="overwrite", action="store_true",
                   help="tạo lại phiếu đã có (phiếu cũ được chuyển vào sao_luu/)")
    s.set_defaults(func=cmd_judges)
    s = sub.add_parser("results", help="đọc phiếu chấm, tính điểm, xếp hạng, ghi sheet Kết quả")
    s.add_argument("dir")
    s.add_argument("--provisional", "--tam-tinh", dest="provisional", action="store_true",
                   help="tính tạm khi còn thiếu điểm (đánh dấu TẠM TÍNH)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_results)
    s = sub.add_parser("import", help="nhập danh sách sản phẩm từ cấp xã/huyện")
    s.add_argument("dir")
    s.add_argument("files", nargs="+")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("documents", help="in giấy chứng nhận, danh sách kèm quyết định, bảng tổng hợp điểm")
    s.add_argument("dir")
    s.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    s.add_argument("--only-new", action="store_true", help="bỏ qua giấy chứng nhận đã có và không đổi")
    s.set_defaults(func=cmd_documents)
    s = sub.add_parser("demo", help="chạy toàn bộ quy trình trên bộ dữ liệu mẫu")
    s.add_argument("dir", nargs="?", default="demo_output")
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
            traceback.print_exc()
        print(f"Lỗi không mong đợi ({type(exc).__name__}: {exc}). Dữ liệu của bạn không bị thay đổi. "
              "Hãy gửi thông báo này cho bộ phận kỹ thuật (đặt BINHCHON_DEBUG=1 để xem chi tiết).", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
