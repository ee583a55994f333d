"""The `binhchon addin build|install` and `binhchon serve` sub-commands (xlwings imported only when they run)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import BinhchonError
from . import messages as msg


def cmd_addin_build(args: argparse.Namespace) -> int:
    """Build BinhChon.xlam from macros/ (Windows with Excel only)."""
    from .addin import build_addin

    path = build_addin(Path(args.source) if args.source else None, Path(args.out) if args.out else None)
    print(msg.ADDIN_BUILT.format(path=path))
    return 0


def cmd_addin_install(args: argparse.Namespace) -> int:
    """Copy BinhChon.xlam into Excel's XLSTART folder (Windows only)."""
    from .addin import install_addin

    path = install_addin(Path(args.xlam) if args.xlam else None)
    print(msg.ADDIN_INSTALLED.format(path=path))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the Office.js add-in server for a contest folder until Ctrl+C."""
    folder = Path(args.folder).resolve()
    if not folder.is_dir():
        raise BinhchonError(msg.SERVE_FOLDER_MISSING.format(folder=folder))
    # xlwings Server checks for a key when imported; the noncommercial licence covers this use (SPEC §6).
    if os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial") == "noncommercial":
        print(msg.SERVE_LICENCE)
    try:
        from .server import serve
    except ImportError as exc:
        raise BinhchonError(msg.SERVE_NEEDS_PACKAGES) from exc
    scheme = "https" if args.cert else "http"
    print(msg.SERVE_STARTING.format(url=f"{scheme}://{args.host}:{args.port}", folder=folder))
    if not args.cert:
        print(msg.SERVE_NO_HTTPS)
    serve(folder, host=args.host, port=args.port, certfile=args.cert, keyfile=args.key)
    return 0


def register_cli(subparsers) -> None:
    """Add `addin build|install` and `serve` to the `binhchon` argument parser."""
    addin = subparsers.add_parser("addin", help="add-in Excel trên máy (Windows): dựng và cài BinhChon.xlam",
                                  epilog=_examples("binhchon addin build", "binhchon addin install"))
    steps = addin.add_subparsers(dest="addin_command", required=True, metavar="BƯỚC")
    s = steps.add_parser("build", help="dựng BinhChon.xlam từ macros/ (cần Windows có Excel)",
                         epilog=_examples("binhchon addin build", "binhchon addin build --out D:\\BinhChon"))
    s.add_argument("--source", metavar="THƯ_MỤC", help="thư mục chứa BinhChon.bas và customUI.xml (mặc định: macros/ của mã nguồn)")
    s.add_argument("--out", metavar="THƯ_MỤC", help="thư mục ghi BinhChon.xlam (mặc định: thư mục hiện tại)")
    s.set_defaults(func=cmd_addin_build)
    s = steps.add_parser("install", help="chép BinhChon.xlam vào thư mục XLSTART của Excel",
                         epilog=_examples("binhchon addin install", "binhchon addin install D:\\BinhChon\\BinhChon.xlam"))
    s.add_argument("xlam", nargs="?", metavar="TỆP_XLAM", help="tệp .xlam (mặc định: BinhChon.xlam trong thư mục hiện tại)")
    s.set_defaults(func=cmd_addin_install)
    s = subparsers.add_parser("serve", help="chạy máy chủ add-in Office.js (xlwings Server) cho một cuộc bình chọn",
                              epilog=_examples("binhchon serve --folder bg2025 --cert localhost+1.pem --key localhost+1-key.pem"))
    s.add_argument("--folder", default=".", metavar="THƯ_MỤC", help="thư mục cuộc bình chọn (nơi ghi phieu_cham/ và van_ban/)")
    s.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ", help="địa chỉ máy chủ lắng nghe (mặc định: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, metavar="CỔNG", help="cổng máy chủ lắng nghe (mặc định: 8000)")
    s.add_argument("--cert", metavar="TỆP_PEM", help="chứng chỉ HTTPS (.pem), ví dụ tạo bằng mkcert")
    s.add_argument("--key", metavar="TỆP_PEM", help="khóa của chứng chỉ HTTPS (.pem)")
    s.set_defaults(func=cmd_serve)


def _examples(*lines: str) -> str:
    """The "Ví dụ:" block of a sub-command's help."""
    return "Ví dụ:\n" + "\n".join(f"  {line}" for line in lines)
