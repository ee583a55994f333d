"""Writing the certificates: one .docx per recognised product and the merged print file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain.models import Contest
from ..domain.results import ResultRow
from ..progress import NO_PROGRESS, Progress, tracked
from ..safe_files import sha256_of
from . import manifest, zippkg
from .contexts import CertificateContexts
from .merge import DeflatingMerger, split_document
from .render import DOCUMENT_XML, TemplateRenderer
from .safety import safe_filename, write_file
from .writers import Writers

MERGED = "giay_chung_nhan_tat_ca.docx"
CERTIFICATES_STEP = "In giấy chứng nhận"
RESERVED_STEMS = {"giay_chung_nhan_tat_ca", "danh_sach_kem_theo_quyet_dinh", "bang_tong_hop_diem"}


@dataclass(frozen=True)
class CertificateJob:
    """One certificate to write: the product, its file and its context."""

    code: str
    path: Path
    context: dict[str, str]


@dataclass
class CertificateFiles:
    """What writing the certificates did."""

    paths: list[Path] = field(default_factory=list)  # every certificate's file, in rank order
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    merged: Path | None = None
    stale: list[str] = field(default_factory=list)


def certificate_jobs(contest: Contest, chosen: list[ResultRow], numbers: dict[str, tuple[str, str]],
                     out_dir: Path) -> list[CertificateJob]:
    """The certificates to write, each with a safe file name unique in the folder."""
    jobs, used, contexts = [], set(), CertificateContexts(contest)
    for row in chosen:
        stem = safe_filename(row.code)
        if stem.lower() in RESERVED_STEMS:
            stem = f"{stem}_sp"
        base, n = stem, 2
        while stem.lower() in used:
            stem, n = f"{base}-{n}", n + 1
        used.add(stem.lower())
        context = contexts.context(row, *numbers[row.code])
        jobs.append(CertificateJob(row.code, out_dir / f"{stem}.docx", context))
    return jobs


def write_certificates(renderer: TemplateRenderer, jobs: list[CertificateJob], out_dir: Path,
                       only_new: bool = False, progress: Progress = NO_PROGRESS) -> CertificateFiles:
    """Write each certificate (unless unchanged under only_new), the merged file and the manifest."""
    outcome = CertificateFiles()
    digest = sha256_of(renderer.path)
    old = manifest.read_manifest(out_dir)
    record, merger, first, hashes = {}, None, None, manifest.ContextHashes(digest)
    with Writers() as pending:
        for job in tracked(progress, CERTIFICATES_STEP, jobs):
            entries, parts = renderer.parts(job.context)
            h = hashes(job.context)
            record[job.code] = {"file": job.path.name, "hash": h}
            outcome.paths.append(job.path)
            if only_new and manifest.unchanged(old, job.code, job.path, h):
                outcome.skipped.append(job.code)
            else:
                # deflated and written by a few threads while the next are stamped (writers.py)
                pending.submit(zippkg.write, job.path, entries, parts)
                outcome.written.append(job.path)
            head, body, tail = split_document(parts[DOCUMENT_XML])
            first, merger = first or (entries, parts), merger or DeflatingMerger(head, tail)
            merger.add(body)  # while the threads write: the print file's clean-up and deflating are not left to the end
        if first is not None:
            outcome.merged = out_dir / MERGED
            pending.submit(lambda: write_file(outcome.merged, _merged(first, merger)))  # beside the last ones
    outcome.stale = sorted(
        code for code in old if code not in record and (out_dir / old[code].get("file", "")).is_file()
    )
    manifest.write_manifest(out_dir, record)
    return outcome


def merged_document(renderer: TemplateRenderer, contexts: list[dict[str, str]]) -> bytes:
    """The bytes of one .docx holding a certificate per context, a page break between each."""
    merger, first = None, None
    for context in contexts:
        entries, parts = renderer.parts(context)
        head, body, tail = split_document(parts[DOCUMENT_XML])
        first, merger = first or (entries, parts), merger or DeflatingMerger(head, tail)
        merger.add(body)
    return _merged(first, merger)


def _merged(first: tuple, merger: DeflatingMerger) -> bytes:
    """The merged .docx: the first document's package, its body replaced by all the bodies (deflated as they came)."""
    entries, parts = first
    entries = [merger.entry(entry) if entry.name == DOCUMENT_XML else entry for entry in entries]
    return zippkg.build(entries, {name: xml for name, xml in parts.items() if name != DOCUMENT_XML})
