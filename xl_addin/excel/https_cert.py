"""A local HTTPS certificate for `binhchon serve`, made without developer tools (binhchon serve --tao-chung-chi).

Excel loads Office.js add-ins only over HTTPS from a certificate it trusts. This makes a small
root certificate and, signed by it, the server's certificate for localhost and 127.0.0.1. The
root's private key is never written anywhere: it signs this one certificate and is dropped, so
the root a person trusts cannot vouch for anything else, and its name constraints limit it to
this machine's own addresses in any case.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BinhchonError
from . import messages as msg

ROOT_FILE = "binhchon-goc.crt"  # the one to trust (double-click opens Windows' certificate installer)
CERT_FILE = "binhchon-localhost.pem"
KEY_FILE = "binhchon-localhost-key.pem"
VALID_DAYS = 825  # the longest browsers accept for a server certificate
HOSTS = ("localhost",)
ADDRESSES = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class CertificateFiles:
    """Where the three files of a local certificate are."""

    root: Path
    cert: Path
    key: Path


def default_dir() -> Path:
    """Where the certificate is kept unless told otherwise: the user's own application data."""
    base = os.environ.get("APPDATA") if sys.platform == "win32" else None
    return Path(base) / "binhchon" / "chung_chi" if base else Path.home() / ".binhchon" / "chung_chi"


def files_in(folder: Path) -> CertificateFiles:
    """The certificate's file names in a folder (whether or not they exist)."""
    return CertificateFiles(folder / ROOT_FILE, folder / CERT_FILE, folder / KEY_FILE)


def _name(common_name: str):
    from cryptography.x509.oid import NameOID
    from cryptography import x509

    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, msg.TITLE)])


def _root(now: dt.datetime):
    """A root certificate constrained to this machine's names, and its key (kept in memory only)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    permitted = [x509.DNSName(h) for h in HOSTS] + [
        x509.IPAddress(ipaddress.ip_network("127.0.0.0/8")), x509.IPAddress(ipaddress.ip_network("::1/128"))]
    cert = (
        x509.CertificateBuilder().subject_name(_name(msg.CERT_ROOT_NAME)).issuer_name(_name(msg.CERT_ROOT_NAME))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _server(root, root_key, now: dt.datetime):
    """The server's certificate for localhost, 127.0.0.1 and ::1, signed by the root, and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID

    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName(h) for h in HOSTS] + [x509.IPAddress(ipaddress.ip_address(a)) for a in ADDRESSES]
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder().subject_name(_name("localhost")).issuer_name(root.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    return cert, key


def make_certificate(folder: Path | None = None) -> CertificateFiles:
    """Write a new root certificate, server certificate and key into folder; the files written."""
    try:
        from cryptography.hazmat.primitives import serialization
    except ImportError as exc:
        raise BinhchonError(msg.SERVE_NEEDS_PACKAGES) from exc
    files = files_in(Path(folder) if folder else default_dir())
    now = dt.datetime.now(dt.timezone.utc)
    root, root_key = _root(now)
    cert, key = _server(root, root_key, now)
    del root_key  # never written: the root signs this certificate only
    pem = serialization.Encoding.PEM
    key_bytes = key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    try:
        files.root.parent.mkdir(parents=True, exist_ok=True)
        files.root.write_bytes(root.public_bytes(pem))
        files.cert.write_bytes(cert.public_bytes(pem) + root.public_bytes(pem))  # the chain the server sends
        files.key.write_bytes(key_bytes)
        files.key.chmod(0o600)
    except OSError as exc:
        raise BinhchonError(msg.CERT_WRITE_FAILED.format(folder=files.root.parent, detail=exc.strerror or exc)) from exc
    return files
