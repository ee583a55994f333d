"""The command line's help and argument errors are Vietnamese, for every sub-command (added ones too)."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from xl_addin.cli import build_parser, main
from xl_addin.cli_parser import VietnameseArgumentParser

# The issue's own list, and every message id of argparse itself (its text between placeholders).
ISSUE_PHRASES = ("usage:", "options:", "positional arguments", "show this help message and exit",
                 "the following arguments are required", "invalid choice", "unrecognized arguments",
                 "expected one argument", "error:", "choose from")


def argparse_phrases() -> set[str]:
    """The English fragments of argparse's messages, read from its source (so a new Python's are seen too)."""
    source = inspect.getsource(argparse)
    ids = re.findall(r"""(?:\b_|ngettext)\(\s*(['"])(.+?)\1""", source)
    phrases = set(ISSUE_PHRASES)
    for _, msgid in ids:
        for part in re.split(r"%\([a-z_]+\)[sr]|%[sr]", msgid):
            part = part.strip(" :.\\n'()")
            if len(part) >= 4 and re.search(r"[a-z]{3}", part):
                phrases.add(part)
    return phrases


PHRASES = argparse_phrases()


def english_in(text: str) -> list[str]:
    """The argparse phrases found in a text."""
    return sorted(p for p in PHRASES if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text, flags=re.I))


def commands(parser: argparse.ArgumentParser | None = None, path: tuple[str, ...] = ()):
    """(path, parser) of the root and every sub-command, nested ones included, however they were added."""
    parser = parser or build_parser()
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:
                    seen.add(id(sub))
                    yield from commands(sub, path + (name,))


def leaves():
    """The sub-commands that run something (no sub-commands of their own)."""
    return [(path, p) for path, p in commands()
            if path and not any(isinstance(a, argparse._SubParsersAction) for a in p._actions)]


def run(capsys, argv) -> tuple[int, str, str]:
    """Run the CLI in-process, catching argparse's exit; exit code, stdout, stderr."""
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_phrase_list_holds_what_the_issue_saw():
    assert {"the following arguments are required", "show this help message and exit", "invalid choice"} <= PHRASES
    plain = argparse.ArgumentParser(prog="x")
    plain.add_argument("dir")
    assert {"usage:", "positional arguments", "show this help message and exit"} <= set(english_in(plain.format_help()))
    assert english_in("Cách dùng: binhchon [-h] LỆNH ...") == []


def test_the_walk_finds_nested_sub_commands():
    paths = {path for path, _ in commands()}
    assert {("init",), ("validate",), ("documents",), ("addin", "build"), ("addin", "install"), ("serve",)} <= paths


@pytest.mark.parametrize("path", [path for path, _ in commands()], ids=lambda p: " ".join(p) or "binhchon")
def test_help_is_vietnamese(path, capsys):
    code, out, err = run(capsys, [*path, "--help"])
    assert code == 0 and out.startswith("Cách dùng: binhchon")
    assert english_in(out + err) == [], out


@pytest.mark.parametrize("path", [path for path, _ in commands()], ids=lambda p: " ".join(p) or "binhchon")
def test_every_argument_is_described_and_every_command_has_an_example(path):
    parser = dict(commands())[path]
    assert isinstance(parser, VietnameseArgumentParser)
    undescribed = [a.option_strings or a.dest for a in parser._actions
                   if not a.help and not isinstance(a, argparse._SubParsersAction)]
    for a in parser._actions:  # each sub-command is described in its parent's list
        if isinstance(a, argparse._SubParsersAction):
            undescribed += [choice.dest for choice in a._choices_actions if not choice.help]
            helped = {c.dest for c in a._choices_actions}
            undescribed += [name for name, sub in a.choices.items()
                            if name not in helped and not any(a.choices.get(h) is sub for h in helped)]
    assert undescribed == [], f"binhchon {' '.join(path)}: arguments without help: {undescribed}"
    if path and (path, parser) in leaves():
        assert parser.epilog and "Ví dụ:" in parser.epilog, f"binhchon {' '.join(path)} has no example"
        assert f"binhchon {' '.join(path)}" in parser.epilog


def test_the_root_help_shows_the_path_through_a_contest(capsys):
    _, out, _ = run(capsys, ["--help"])
    assert "init → validate → judges → results → documents" in out
    lines = [line.strip() for line in out.splitlines()]
    order = [next(i for i, line in enumerate(lines) if line.startswith(f"binhchon {step} "))
             for step in ("init", "validate", "judges", "results", "documents")]
    assert order == sorted(order)


WRONG = [
    [],  # no command
    ["khong-co-lenh"],  # invalid choice
    ["validate"],  # a required argument missing
    ["validate", "a", "b"],  # unrecognised argument
    ["init", "x", "--province", "P", "--year"],  # expected one argument
    ["init", "x", "--province", "P", "--year", "hai nghìn"],  # not a number
    ["init", "x", "--province", "P", "--year", "2025", "--level", "tỉnh"],  # invalid choice of an option
    ["import", "bg2025"],  # at least one file
    ["addin"],  # a nested command missing
    ["addin", "xoa"],  # a nested invalid choice
    ["serve", "--port", "tám nghìn"],
]


@pytest.mark.parametrize("argv", WRONG, ids=lambda a: " ".join(a) or "(nothing)")
def test_wrong_invocations_answer_in_vietnamese(argv, capsys):
    code, out, err = run(capsys, argv)
    assert code == 2
    assert "lỗi:" in err and "Cách dùng:" in err and "--help" in err
    assert english_in(out + err) == [], err


@pytest.mark.parametrize("path", [path for path, _ in leaves()], ids=lambda p: " ".join(p))
def test_an_unknown_option_on_any_command_is_refused_in_vietnamese(path, capsys):
    code, _, err = run(capsys, [*path, "--khong-co-tuy-chon"])
    assert code == 2 and "lỗi:" in err
    assert english_in(err) == [], err


def test_messages_name_what_is_wrong(capsys):
    _, _, err = run(capsys, ["khong-co-lenh"])
    assert "không có lựa chọn 'khong-co-lenh'" in err and "'validate'" in err
    _, _, err = run(capsys, ["init", "x", "--province", "P", "--year", "hai nghìn"])
    assert "--year" in err and "“hai nghìn” không phải là số nguyên" in err
    _, _, err = run(capsys, ["validate"])
    assert "còn thiếu tham số bắt buộc: THƯ_MỤC" in err


def test_argparse_keeps_its_own_words_outside_our_parser():
    plain = argparse.ArgumentParser(prog="khac")
    build_parser().format_help()
    assert plain.format_help().startswith("usage: khac")
