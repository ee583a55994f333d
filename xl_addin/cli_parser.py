"""An argparse parser that speaks Vietnamese: usage, section titles, help and every error it prints.

argparse builds its own words through gettext (`argparse._`, `argparse.ngettext`); the parser
below swaps in a Vietnamese catalogue while it builds, formats and parses, and puts the standard
functions back afterwards, so other argparse users in the process are not affected. Sub-commands
made with `subparsers.add_parser(...)` are of the same class (argparse's default parser_class),
so every command other modules add speaks Vietnamese too.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Iterator, NoReturn

# argparse's message ids (Python 3.11–3.13) and their Vietnamese text; the placeholders stay.
CATALOGUE = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "subcommands": "lệnh",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "còn thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng được cùng tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị (%r)",
    "expected one argument": "cần một giá trị theo sau",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
}


DEFAULT_METAVAR = "GIÁ_TRỊ"  # for an argument declared without a metavar (dest names are English)


def _gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def vietnamese() -> Iterator[None]:
    """Let argparse build its words from the Vietnamese catalogue inside the block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class VietnameseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written (examples keep their lines), with Vietnamese words."""

    def add_usage(self, usage, actions, groups, prefix=None):
        """The usage line, headed "Cách dùng: "."""
        super().add_usage(usage, actions, groups, CATALOGUE["usage: "] if prefix is None else prefix)

    def _get_default_metavar_for_optional(self, action):
        return DEFAULT_METAVAR

    def _get_default_metavar_for_positional(self, action):
        return DEFAULT_METAVAR


class VietnameseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Vietnamese; its sub-parsers are too."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        with vietnamese():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        """Sub-commands of the same class, so commands added elsewhere speak Vietnamese too."""
        kwargs.setdefault("parser_class", type(self))
        with vietnamese():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args=None, namespace=None):
        """argparse's parse_known_args, its messages in Vietnamese."""
        with vietnamese():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):
        """argparse's parse_args, its messages in Vietnamese."""
        with vietnamese():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        """The usage line in Vietnamese."""
        with vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        """The whole help in Vietnamese."""
        with vietnamese():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """Print the usage, the Vietnamese error and where to find help; exit 2."""
        with vietnamese():
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: lỗi: {message}\nXem hướng dẫn: {self.prog} --help\n")


def whole_number(text: str) -> int:
    """An argument that must be a whole number, refused in Vietnamese otherwise."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải là số nguyên") from None


def examples(*lines: str) -> str:
    """An epilog listing example command lines under "Ví dụ:"."""
    return "Ví dụ:\n" + "\n".join(f"  {line}" for line in lines)
