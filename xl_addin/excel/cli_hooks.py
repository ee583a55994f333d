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
    """Run the Office.js add-in server for a contest folder until Ctrl+C (or make its HTTPS certificate)."""
    if args.tao_chung_chi:
        return _make_certificate(args)
    folder = Path(args.folder).resolve()
    if not folder.is_dir():
        raise BinhchonError(msg.SERVE_FOLDER_MISSING.format(folder=folder))
    certfile, keyfile = _certificate(args)
    # xlwings Server checks for a key when imported; the noncommercial licence covers this use (SPEC §6).
    if os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial") == "noncommercial":
        print(msg.SERVE_LICENCE)
    try:
        from .server import serve
    except ImportError as exc:
        raise BinhchonError(msg.SERVE_NEEDS_PACKAGES) from exc
    scheme = "https" if certfile else "http"
    url = f"{scheme}://{args.host}:{args.port}"
    print(msg.SERVE_STARTING.format(url=url, folder=folder))
    if certfile:
        print(msg.SERVE_MANIFEST.format(url=url))
    else:
        print(msg.SERVE_NO_HTTPS)
    serve(folder, host=args.host, port=args.port, certfile=certfile, keyfile=keyfile)
    return 0


def _make_certificate(args: argparse.Namespace) -> int:
    from .https_cert import make_certificate

    files = make_certificate(Path(args.thu_muc_chung_chi) if args.thu_muc_chung_chi else None)
    print(msg.CERT_MADE.format(root=files.root, cert=files.cert, key=files.key))
    return 0


def _certificate(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The certificate and key to serve with: --cert/--key, else the one --tao-chung-chi made, else none (--http)."""
    from .https_cert import default_dir, files_in

    if args.cert or args.key:
        if not (args.cert and args.key):
            raise BinhchonError(msg.SERVE_CERT_PAIR)
        for path in (args.cert, args.key):
            if not Path(path).is_file():
                raise BinhchonError(msg.SERVE_CERT_MISSING.format(path=Path(path).resolve()))
        return args.cert, args.key
    if args.http:
        return None, None
    files = files_in(Path(args.thu_muc_chung_chi) if args.thu_muc_chung_chi else default_dir())
    if files.cert.is_file() and files.key.is_file():
        return str(files.cert), str(files.key)
    raise BinhchonError(msg.SERVE_NEEDS_CERT.format(folder=files.cert.parent))


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
                              epilog=_examples("binhchon serve --tao-chung-chi", "binhchon serve --folder bg2025"))
    s.add_argument("--folder", default=".", metavar="THƯ_MỤC", help="thư mục cuộc bình chọn (nơi ghi phieu_cham/ và van_ban/)")
    s.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ", help="địa chỉ máy chủ lắng nghe (mặc định: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, metavar="CỔNG", help="cổng máy chủ lắng nghe (mặc định: 8000)")
    s.add_argument("--cert", metavar="TỆP_PEM", help="chứng chỉ HTTPS (.pem) khác (mặc định: chứng chỉ tạo bằng --tao-chung-chi)")
    s.add_argument("--key", metavar="TỆP_PEM", help="khóa của chứng chỉ --cert (.pem)")
    s.add_argument("--tao-chung-chi", action="store_true",
                   help="tạo chứng chỉ HTTPS cho máy này (localhost, 127.0.0.1) và hướng dẫn cách tin cậy, rồi thoát")
    s.add_argument("--thu-muc-chung-chi", metavar="THƯ_MỤC",
                   help="nơi để chứng chỉ của --tao-chung-chi (mặc định: thư mục binhchon trong hồ sơ người dùng)")
    s.add_argument("--http", action="store_true",
                   help="chạy HTTP thường, không chứng chỉ (chỉ để thử bằng trình duyệt; Excel cần HTTPS)")
    s.set_defaults(func=cmd_serve)


def _examples(*lines: str) -> str:
    """The "Ví dụ:" block of a sub-command's help."""
    return "Ví dụ:\n" + "\n".join(f"  {line}" for line in lines)
