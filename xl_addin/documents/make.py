"""Writing a contest's documents: certificates, the decision annex and the score summary, in Word and PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import document_messages as msg
from ..domain import schema
from ..domain.authorities import has_placeholder, with_level_defaults
from ..domain.certificates import assign_certificates, pattern_problem, recognised_rows
from ..domain.models import Contest, ContestInfo
from ..domain.results import ResultRow, ResultSet
from ..errors import BlockedError
from ..progress import NO_PROGRESS, Progress
from . import pdf as pdf_mod
from .certificate_files import CertificateFiles, certificate_jobs, write_certificates
from .contexts import annex_context, clean
from .render import TemplateRenderer
from .safety import sandbox_env, write_file
from .summary_context import summary_context
from .table_stamp import render_table
from .templates import ANNEX, CERTIFICATE_TEMPLATES, FIELDS, SUMMARY, template_path

ROLE_FACTS = {"issuer": schema.INFO_ISSUER, "standing_body": schema.INFO_STANDING_BODY}
ANNEX_FILE = "danh_sach_kem_theo_quyet_dinh.docx"
SUMMARY_FILE = "bang_tong_hop_diem.docx"


@dataclass
class DocumentsOutcome:
    """What write_documents wrote, and what it left out and why."""

    certificates: dict[str, tuple[str, str]]  # product code -> (certificate number, valid until dd/mm/yyyy)
    files: list[Path] = field(default_factory=list)  # the .docx files written in this run
    pdf_files: list[Path] = field(default_factory=list)
    pdf_message: str | None = None  # why no PDF (or not all of it) was made
    skipped: list[str] = field(default_factory=list)  # product codes left as they were (--only-new)
    messages: list[str] = field(default_factory=list)  # other notes for the user, in Vietnamese


def check_facts(info: ContestInfo) -> None:
    """Refuse with BlockedError when Thông tin lacks a fact printed on certificates (level defaults applied)."""
    info = with_level_defaults(info)
    missing = [label for attr, label in msg.CERTIFICATE_FACTS.items() if not _filled(getattr(info, attr))]
    problems = [msg.missing_facts(missing)] if missing else []
    problems += [msg.placeholder_fact(label, getattr(info, attr)) for attr, label in ROLE_FACTS.items()
                 if has_placeholder(getattr(info, attr))]
    if (problem := pattern_problem(info.cert_pattern)) is not None:
        problems.append(msg.bad_cert_pattern(info.cert_pattern, problem))
    if problems:
        raise BlockedError(" ".join(problems))


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or clean(value) != "")


def write_documents(
    contest: Contest,
    rows: list[ResultRow],
    result_set: ResultSet | None,
    out_dir: Path,
    *,
    pdf: bool = False,
    only_new: bool = False,
    templates_dir: Path | None = None,
    progress: Progress = NO_PROGRESS,
) -> DocumentsOutcome:
    """Write the certificates (each and merged), the decision annex and the score summary into out_dir."""
    check_facts(contest.info)
    env = sandbox_env()
    # Every template is checked and the single documents rendered before anything is written,
    # so that a bad template leaves no half-done folder.
    layout = with_level_defaults(contest.info).cert_layout
    cert_name = CERTIFICATE_TEMPLATES[layout]
    cert_tpl = TemplateRenderer(template_path(templates_dir, cert_name), FIELDS[cert_name], env, fast=True)
    annex_tpl = TemplateRenderer(template_path(templates_dir, ANNEX), FIELDS[ANNEX], env)
    numbers = assign_certificates(rows, contest.info, contest.rules)
    chosen = recognised_rows(rows)
    singles = {ANNEX_FILE: render_table(annex_tpl, annex_context(contest, chosen, numbers))}
    if result_set is not None:
        summary_tpl = TemplateRenderer(template_path(templates_dir, SUMMARY), FIELDS[SUMMARY], env)
        singles[SUMMARY_FILE] = render_table(summary_tpl, summary_context(contest, rows, result_set))
    outcome = DocumentsOutcome(certificates=numbers, messages=_notes(contest, chosen, result_set))
    jobs = certificate_jobs(contest, chosen, numbers, out_dir)
    if jobs:
        cert_tpl.parts(jobs[0].context)  # the first certificate too is rendered before anything is written
    out_dir.mkdir(parents=True, exist_ok=True)
    certs = write_certificates(cert_tpl, jobs, out_dir, only_new, progress)
    outcome.files += certs.written + ([certs.merged] if certs.merged else [])
    outcome.skipped = certs.skipped
    outcome.messages += [msg.stale_certificate(code) for code in certs.stale]
    others = [out_dir / name for name in singles]
    for path in others:
        write_file(path, singles[path.name])
    outcome.files += others
    if pdf:
        _make_pdfs(outcome, certs, others, out_dir, progress)
    return outcome


def _notes(contest: Contest, chosen: list[ResultRow], result_set: ResultSet | None) -> list[str]:
    """Notes for the user about what the documents lack."""
    registered = {r.code for r in contest.registrations}  # one set, not a search of them all per product
    notes = [msg.unknown_registration(r.code) for r in chosen if r.code not in registered]
    notes += [] if chosen else [msg.NO_RECOGNISED]
    return notes + ([] if result_set is not None else [msg.NO_RESULT_SET])


def _make_pdfs(outcome: DocumentsOutcome, certs: CertificateFiles, others: list[Path], out_dir: Path,
               progress: Progress) -> None:
    """PDF of the merged certificates, the annex and the summary in one call; the merged one split per product."""
    sources = ([certs.merged] if certs.merged else []) + others
    progress.start(msg.PDF_STEP, None)
    try:
        pdfs, problem = pdf_mod.convert(sources, out_dir, pdf_mod.timeout_for(len(certs.paths) + 10))
    finally:
        progress.finish()
    outcome.pdf_files += pdfs
    outcome.pdf_message = problem
    if problem or certs.merged is None:
        return
    targets = [p.with_suffix(".pdf") for p in certs.paths]
    problem = pdf_mod.split_pages(pdfs[0], targets, progress)
    if problem:
        outcome.pdf_message = problem
    else:
        outcome.pdf_files += targets
