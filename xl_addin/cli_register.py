"""`binhchon register …`: the multi-year register's commands (add, template, import, show, expiring, export)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cli_format
from .domain import register_schema as rs
from .domain.register_sheets import MAX_YEAR, MIN_YEAR

REGISTER_HELP = (
    f"sổ theo dõi: đường dẫn tệp .sqlite hoặc địa chỉ postgresql+psycopg://…; mặc định biến môi trường "
    f"{rs.REGISTER_ENV}, nếu không có thì {rs.REGISTER_FILE} trong thư mục chứa các thư mục cuộc bình chọn"
)


def _year(value: str) -> int:
    """An argparse type: a year the register can hold, with a Vietnamese message otherwise."""
    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” không phải là năm (ví dụ 2022)") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    return year


def open_for(args, base: Path):
    from .register import open_register

    register = open_register(args.register, base)
    for note in register.notes:
        print(note, file=sys.stderr)
    return register


def _print_findings(findings, as_json: bool = False) -> None:
    if as_json:
        print(cli_format.findings_json(findings))
    elif findings:
        print(cli_format.findings_table(findings))


def cmd_add(args) -> int:
    """`register add DIR…`: finished contests into the register."""
    from .cli import contest_path
    from .usecases.register import add_contests, not_a_contest

    folders = [Path(d) for d in args.dirs]
    absent = [not_a_contest(d) for d in folders if not contest_path(str(d)).is_file()]
    if absent:  # refused before the register is opened, so no register file is made for nothing
        _print_findings(absent, args.json)
        return 1
    # the register sits beside the contest folders: the parent of the first contest's folder
    with open_for(args, contest_path(str(folders[0])).absolute().parent.parent) as register:
        outcome = add_contests(register, folders)
    _print_findings(outcome.findings, args.json)
    if not args.json:
        for line in outcome.added if outcome.exit_code == 0 else ():
            print("  " + line)
        print(outcome.summary())
    return outcome.exit_code


def cmd_template(args) -> int:
    """`register template FOLDER`: the workbook staff fill."""
    from .usecases.register import write_register_template

    path = write_register_template(Path(args.folder))
    print(f"Đã tạo {path}: điền các sheet {rs.SHEET_UPPER}, {rs.SHEET_ACTIVITIES}, {rs.SHEET_REFERENCE} "
          f"rồi chạy: binhchon register import {path}")
    return 0


def cmd_import(args) -> int:
    """`register import FILE…`: upper-level outcomes, activities and reference counts."""
    from .usecases.register import import_outcomes

    with open_for(args, Path.cwd()) as register:
        outcome = import_outcomes(register, [Path(f) for f in args.files])
    _print_findings(outcome.findings, args.json)
    if not args.json:
        print(outcome.summary())
    return outcome.exit_code


def _with_register(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--register", metavar="SỔ", help=REGISTER_HELP)
    return parser


def add_register_commands(subparsers) -> None:
    """Add `register` and its sub-commands to the `binhchon` parser."""
    p = subparsers.add_parser("register", help="sổ theo dõi nhiều năm: thêm cuộc bình chọn, nhập, tra cứu, xuất")
    sub = p.add_subparsers(dest="register_command", required=True, metavar="LỆNH")
    s = _with_register(sub.add_parser("add", help="thêm các cuộc bình chọn đã có kết quả vào sổ theo dõi"))
    s.add_argument("dirs", nargs="+", metavar="THƯ_MỤC", help="thư mục cuộc bình chọn (chứa binhchon.xlsx)")
    s.add_argument("--json", action="store_true", help="in danh sách lỗi dạng JSON")
    s.set_defaults(func=cmd_add)
    s = sub.add_parser("template", help=f"tạo sổ mẫu {rs.TEMPLATE_FILE} để nhập kết quả cấp trên, hoạt động, số cơ sở")
    s.add_argument("folder", metavar="THƯ_MỤC", help=f"thư mục sẽ chứa {rs.TEMPLATE_FILE}")
    s.set_defaults(func=cmd_template)
    s = _with_register(sub.add_parser("import", help=f"nhập các sheet của {rs.TEMPLATE_FILE} vào sổ theo dõi"))
    s.add_argument("files", nargs="+", metavar="TỆP", help=f"tệp Excel theo mẫu {rs.TEMPLATE_FILE}")
    s.add_argument("--json", action="store_true", help="in danh sách lỗi dạng JSON")
    s.set_defaults(func=cmd_import)
    from .cli_register_queries import add_query_commands

    add_query_commands(sub, _with_register, _year)
