"""`binhchon serve --tao-chung-chi`: a local certificate that a TLS client trusting only its root accepts."""

from __future__ import annotations

import ipaddress
import os
import shutil
import ssl
import subprocess
import urllib.error
import urllib.request

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from browser import Browser, Server
from xl_addin.cli import build_parser
from xl_addin.errors import BinhchonError
from xl_addin.excel import https_cert
from xl_addin.excel import messages as msg


def load(path):
    return x509.load_pem_x509_certificates(path.read_bytes())


def test_the_server_certificate_is_for_this_machine_only_and_signed_by_the_root(tmp_path):
    files = https_cert.make_certificate(tmp_path / "cc")
    assert sorted(p.name for p in (tmp_path / "cc").iterdir()) == sorted(
        [https_cert.ROOT_FILE, https_cert.CERT_FILE, https_cert.KEY_FILE])
    (root,) = load(files.root)
    leaf, chained_root = load(files.cert)
    assert chained_root == root and leaf.issuer == root.subject
    root.public_key().verify(leaf.signature, leaf.tbs_certificate_bytes, ec.ECDSA(leaf.signature_hash_algorithm))
    names = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == ["localhost"]
    assert names.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")]
    assert leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert (leaf.not_valid_after_utc - leaf.not_valid_before_utc).days <= 826
    constraints = root.extensions.get_extension_for_class(x509.NameConstraints)
    assert constraints.critical and x509.DNSName("localhost") in constraints.value.permitted_subtrees
    # the only private key written is the server's: nobody can sign anything else with this root
    keys = [p.name for p in (tmp_path / "cc").iterdir() if b"PRIVATE KEY" in p.read_bytes()]
    assert keys == [https_cert.KEY_FILE]


def test_the_command_says_how_to_trust_the_root_on_windows(tmp_path, capsys):
    args = build_parser().parse_args(["serve", "--tao-chung-chi", "--thu-muc-chung-chi", str(tmp_path)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert f'certutil -user -addstore Root "{tmp_path / https_cert.ROOT_FILE}"' in out
    assert (tmp_path / https_cert.CERT_FILE).is_file()


def test_serve_without_a_certificate_asks_for_one_or_for_http(tmp_path):
    args = build_parser().parse_args(["serve", "--folder", str(tmp_path), "--thu-muc-chung-chi", str(tmp_path / "none")])
    with pytest.raises(BinhchonError, match="binhchon serve --tao-chung-chi"):
        args.func(args)


def test_serve_uses_the_certificate_and_a_client_trusting_only_its_root_connects(tmp_path, filled):
    files = https_cert.make_certificate(tmp_path / "cc")
    context = ssl.create_default_context(cafile=str(files.root))  # no system roots: only ours
    server = Server(filled, "--thu-muc-chung-chi", str(tmp_path / "cc"), context=context)
    try:
        for host in ("127.0.0.1", "localhost"):
            url = server.base.replace("127.0.0.1", host) + "/taskpane.html"
            with urllib.request.urlopen(url, context=context, timeout=10) as answer:
                assert answer.status == 200 and "Kiểm tra hồ sơ" in answer.read().decode()
        with pytest.raises(urllib.error.URLError) as refused:  # a client without our root refuses the server
            urllib.request.urlopen(server.base + "/taskpane.html", context=ssl.create_default_context(), timeout=10)
        assert isinstance(refused.value.reason, ssl.SSLCertVerificationError)
    finally:
        out = server.stop()
    assert f"{server.base}/manifest.xml" in out  # says where Excel gets the add-in


def nss_home(tmp_path, root) -> "Path":
    """A HOME whose NSS store (what Chromium on Linux trusts) holds the root, as certutil puts it on Windows."""
    certutil = shutil.which("certutil")
    if not certutil:
        reason = "NSS certutil is not installed (Debian: apt-get install libnss3-tools)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}. CI must run this test.")
        pytest.skip(reason)
    home = tmp_path / "home"
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True)
    subprocess.run([certutil, "-N", "-d", f"sql:{nssdb}", "--empty-password"], check=True)
    subprocess.run([certutil, "-A", "-d", f"sql:{nssdb}", "-t", "C,,", "-n", "binhchon", "-i", str(root)], check=True)
    return home


def test_chromium_loads_the_task_pane_over_https_once_the_root_is_trusted(tmp_path, filled):
    files = https_cert.make_certificate(tmp_path / "cc")
    home = nss_home(tmp_path, files.root)
    server = Server(filled, "--thu-muc-chung-chi", str(tmp_path / "cc"), context=ssl.create_default_context(cafile=str(files.root)))
    trusting, untrusting = Browser(mock=False, home=home), Browser(mock=False, home=tmp_path / "empty")
    try:
        trusting.driver.get(server.base + "/taskpane.html")
        trusting.wait_for("return document.getElementById('status')?.className.includes('status-error')")
        assert trusting.js("return document.getElementById('status').textContent") == msg.TASKPANE_TEXTS["notInExcel"]
        assert trusting.js("return location.protocol") == "https:"
        traffic = trusting.collect()
        assert traffic.failed == [] and traffic.bad_status == [] and traffic.console_errors == []
        untrusting.driver.get(server.base + "/taskpane.html")  # Chromium's certificate warning instead
        assert untrusting.js("return document.getElementById('status')") is None
    finally:
        trusting.quit()
        untrusting.quit()
        server.stop()
