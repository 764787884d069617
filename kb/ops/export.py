"""Exports: note-quote blocks with a references list, pandoc Markdown, BibTeX, CSL-JSON.

Everything here is read from the index (quotes, claims, papers) and, for
BibTeX, from references.bib itself, so an export is a pure function of the
truth files: regenerating it gives the same bytes. A quote stored unverified
is exported, never silently: it is marked in the output and reported as a
warning. Library code returns text and warnings; the CLI prints and writes.
"""

from __future__ import annotations

import calendar
import datetime
import html
import json
import re
from dataclasses import asdict, dataclass, field
from dataclasses import replace as replaced
from pathlib import Path

from kb.atomic import is_or_inside, read_json, said, shown, with_line_ends, write_changed
from kb.errors import KBError, NotFound, UsageError
from kb.ops.quotes import list_quotes
from kb.sources.bibmodel import is_work
from kb.sources.bibtex import BibFile, specials_said, without_comments
from kb.sources.citekey import field_key, key_list
from kb.sources.metadata import lent_by_crossref
from kb.store.knowledgebase import KB
from kb.store.queries import (
    chunks,
    paper_keys,
    require_paper,
    resolve_alias,
    tags_clause,
    versions_with_text,
)
from kb.text.ascii import ascii_fold
from kb.text.display import choice_said, readable
from kb.text.ids import doi_written, find_arxiv_in_text
from kb.text.latex import latex_to_text, venue_text
from kb.text.lazyre import lazy
from kb.text.names import parse_name, parse_names, split_names
from kb.text.versions import version_number

ANCHOR_MODES = ("citekey", "slug")
NOTE_FORMATS = ("note", "markdown", "json")


# -- selecting ------------------------------------------------------------------------

def select_quotes(kb: "KB", *, ids: list[str] | None = None, topics: list[str] | None = None,
                  paper: str | None = None, text: list[str] | None = None) -> list[dict]:
    """The quotes to export: the given ids in that order, or those tagged with
    all `topics` (and of `paper`, and holding the words of each `text`), in the
    order of claims/ files. No filter: every quote."""

    if ids and (topics or paper or text):
        raise UsageError("choose quotes either by --quotes or by --topic/--text/--paper, not both")
    if paper:     # a clear error for an unknown paper; a key kept in its ids (kb rename) is the paper
        paper = require_paper(kb.conn, paper)["citekey"]
    if ids:
        dup = next((i for n, i in enumerate(ids) if i in ids[:n]), None)
        if dup:
            raise UsageError(f"quote {dup!r} is listed twice in --quotes")
        return list_quotes(kb, ids=ids, textless=False)
    return list_quotes(kb, topics or [], paper, text=text, textless=False)


def _claim_citekeys(kb: "KB", topics: list[str], paper: str | None) -> set[str]:
    """Papers cited by the claims on all `topics` (and of `paper`)."""

    where, params = tags_clause(topics, "claims")
    if paper:
        where += " and citekey = ?"
        params.append(paper)
    return {r[0] for r in kb.db.execute(
        f"select distinct citekey from claims where citekey is not null and {where}", params)}


def _selection(topics: list[str] | None, paper: str | None, text: list[str] | None = None) -> str:
    """What a selection asked for, in words: "topics 'a' and 'b' (all of them), paper 'k'"."""
    parts = []
    if topics:
        parts.append(f"topic {said(topics[0])}" if len(topics) == 1 else
                     "topics " + " and ".join(said(t) for t in topics[:5]) + (" ..." if len(topics) > 5 else "")
                     + " (all of them)")
    if text:
        parts.append("the words " + " and ".join(said(t) for t in text[:5]) + (" ..." if len(text) > 5 else ""))
    if paper:
        parts.append(f"paper {said(paper)}")
    return ", ".join(parts)


def cited_citekeys(kb: "KB", *, ids: list[str] | None = None, topics: list[str] | None = None,
                   paper: str | None = None, cite: list[str] | None = None) -> list[str]:
    """Citekeys (in references.bib order) that the selected quotes and claims
    cite, plus `cite`; with no selection at all, every paper."""
    topics = topics or []
    if paper:
        paper = require_paper(kb.conn, paper)["citekey"]       # a key kept in its ids (kb rename) too
    order = [r[0] for r in kb.db.execute("select citekey from papers order by position")]
    if not (ids or topics or paper or cite):
        return order
    keys: set[str] = set()
    if ids or topics or paper:
        keys |= {q["citekey"] for q in select_quotes(kb, ids=ids, topics=topics, paper=paper)}
        if not ids:
            keys |= _claim_citekeys(kb, topics, paper)
            if paper and not topics:
                keys.add(paper)
        if not keys:
            raise NotFound(f"no quotes or claims match {_selection(topics, paper)}", hint="see `kb quote ls`")
    if cite:
        keys |= set(_cite_keys(kb, cite))
    missing = sorted(k for k in keys if k not in set(order))
    if missing:
        raise NotFound(f"{missing[0]} is cited but not in references.bib",
                       hint="add it with `kb add`, or fix claims/")
    return [k for k in order if k in keys]


def _cite_keys(kb: "KB", cite: list[str]) -> list[str]:
    """The papers `cite` names: a citekey, a key kept in a paper's ids (that paper), or the key
    of an @set or @xdata entry of references.bib, which is no paper: its members, or the
    entries using it (bib_export brings the entry itself along with them, as biber wants it)."""
    out: list[str] = []
    bibfile = None
    for key in cite:
        try:
            out += paper_keys(kb.conn, [key])
            continue
        except NotFound:
            bibfile = bibfile or BibFile.load(kb.layout.bib)
            data = bibfile.data_entry(key)
            if data is None:
                raise
        users = bibfile.data_users(data.key)
        if not users:
            what = "whose entryset names" if "entryset" in data.fields else "that is named by"
            raise NotFound(f"{data.key} is an @{data.entry_type} entry of references.bib {what} no paper here",
                           hint="an @xdata or @set is data for papers: export the papers it is for")
        out += users
    return list(dict.fromkeys(out))


# -- papers as references ---------------------------------------------------------------

def _paper_rows(kb: "KB", citekeys: list[str]) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    keys = list(dict.fromkeys(citekeys))
    for chunk in chunks(keys):
        for r in kb.db.query(
                "select p.*, s.anchor as anchor_setting from papers p "
                "left join paper_settings s on s.citekey = p.citekey "
                f"where p.citekey in ({','.join('?' * len(chunk))})", chunk):
            r = dict(r)
            r["fields"] = json.loads(r["fields"] or "{}")
            rows[r["citekey"]] = r
    for key in keys:
        if key not in rows:       # a key kept in a paper's ids: that paper's row
            own = paper_keys(kb.conn, [key])[0]
            rows[key] = _paper_rows(kb, [own])[own]
    return rows


def authors_text(value: str | None) -> str:
    """'First Last', 'A and B', 'A, B, and C' (the note's style), 'A et al.' for 'and others'."""
    names, others = parse_names(value)
    shown = [n.display for n in names]
    if others:
        return (", ".join(shown) + " et al.") if shown else ""
    if len(shown) <= 1:
        return "".join(shown)
    if len(shown) == 2:
        return f"{shown[0]} and {shown[1]}"
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def title_slug(title: str) -> str:
    """'Energy and Policy Considerations for Deep Learning in NLP' ->
    'energy-and-policy-considerations-for-deep-learning-in-nlp'."""

    return "-".join(re.findall(r"[a-z0-9]+", ascii_fold(latex_to_text(title)).lower()))


def paper_doi(row: dict) -> str | None:
    """The DOI as references.bib writes it (the index keeps it lower-cased for matching)."""
    written = doi_written((row.get("fields") or {}).get("doi", ""))
    if written and row.get("doi") and written.lower() == row["doi"]:
        return written
    return row.get("doi") or None


def paper_url(row: dict) -> str | None:
    """The link of a reference: the entry's url, else arXiv, else doi.org."""
    if row.get("url"):
        return row["url"]
    if row.get("arxiv_id"):
        return f"https://arxiv.org/abs/{row['arxiv_id']}"
    doi = paper_doi(row)
    return f"https://doi.org/{doi}" if doi else None


@dataclass
class Reference:
    number: int
    citekey: str
    anchor: str
    title: str
    url: str | None
    authors: str
    year: int | None
    quoted: bool

    def to_dict(self) -> dict:
        return asdict(self)


def make_references(kb: "KB", quoted: list[str], cite: list[str], anchor_mode: str = "citekey") -> list[Reference]:
    """Numbered references: quoted papers in order of first citation, then
    `cite` in the order given. A paper's [paper] anchor overrides `anchor_mode`."""
    if anchor_mode not in ANCHOR_MODES:
        raise UsageError(choice_said("--anchor", anchor_mode, ANCHOR_MODES))
    order = list(dict.fromkeys(list(quoted) + list(cite)))
    rows = _paper_rows(kb, order)
    refs: list[Reference] = []
    taken: set[str] = set()
    quoted_set = set(quoted)
    for n, key in enumerate(order, 1):
        row = rows[key]
        anchor = row.get("anchor_setting") or (title_slug(row["title"] or "") if anchor_mode == "slug" else key)
        anchor = anchor or key
        base, k = anchor, 2
        while anchor in taken:               # two papers with the same title slug
            anchor, k = f"{base}-{k}", k + 1
        taken.add(anchor)
        refs.append(Reference(number=n, citekey=key, anchor=anchor, title=row["title"] or key,
                              url=paper_url(row), authors=authors_text(row["fields"].get("author")),
                              year=row["year"], quoted=key in quoted_set))
    return refs


# -- the note ------------------------------------------------------------------------------

def attr_escape(value: str) -> str:
    """An HTML attribute value in double quotes: & first, then " and <; line
    breaks kept as character references so a block keeps its shape; a backslash as
    one too, so a quote holding "\\cite{x}" never makes a note read as LaTeX."""
    return (value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            .replace("\\", "&#92;").replace("\r", "&#13;").replace("\n", "&#10;"))


def _md_link(title: str, url: str | None) -> str:
    text = html.escape(title, quote=False).replace("[", r"\[").replace("]", r"\]")
    if not url:
        return f"[{text}]"
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
    return f"[{text}]({safe})"


def reference_line(ref: Reference) -> str:
    """'[n] [Title](URL) - Authors. Year.'"""
    line = f"[{ref.number}] {_md_link(ref.title, ref.url)}"
    if ref.authors:
        line += " - " + html.escape(ref.authors, quote=False).rstrip(".")
        line += f". {ref.year}." if ref.year else "."
    elif ref.year:
        line += f" - {ref.year}."
    return line


def references_section(refs: list[Reference]) -> str:
    """The references list in the form of the notes kb reads."""
    out = ["---\nReferences: \n\n"]
    for ref in refs:
        out.append(f'<span\n  id="{attr_escape(ref.anchor)}">\n  {reference_line(ref)}\n</span><br/>\n')
    return "".join(out)


def note_quote_block(text: str, anchor: str, number: int, page: str | None = None,
                     version: str | None = None) -> str:
    """A <note-quote> block; `page` and `version` as extra attributes (the note
    format ignores attributes it does not know; kb verify --note reads them)."""
    extra = "".join(f'\n    {name}="{attr_escape(value)}"' for name, value in (("page", page), ("version", version))
                    if value)
    return (f'<note-quote\n    quote="{attr_escape(text)}"\n    sourceLink="#{attr_escape(anchor)}"\n'
            f'    sourceText="[{number}]"{extra}>\n</note-quote>')


def source_label(paper: dict, version: str | None) -> str:
    """'arXiv:2311.16863v1', or 'citekey v2' for a paper without an arXiv id."""
    if paper.get("arxiv_id"):
        return f"arXiv:{paper['arxiv_id']}{version or ''}"
    return f"{paper['citekey']} {version}" if version else paper["citekey"]


def unverified_line(kb: "KB", quote: dict, paper: dict) -> str:
    """One line saying why a quote is not verified, placed after its block."""

    label = source_label(paper, quote.get("version"))
    held = versions_with_text(kb.conn, quote["citekey"])
    if (quote.get("version") and quote["version"] not in held) or not held:
        what = "that version" if quote.get("version") else "this paper"
        return f"*Quoted from {label}; kb holds no text of {what}, so this quote is unverified.*"
    if "the text kb holds under it" in (quote.get("reason") or ""):      # quotes.another_work
        return (f"*kb verified this quote in the text of another work than {label}, the one its key names now, "
                "so this quote is unverified.*")
    if (quote.get("reason") or "").startswith("its stored page"):       # quotes.page_disagrees
        return f"*Quoted from {label}, but not on the page given, so this quote is unverified.*"
    return f"*Quoted from {label}, but kb did not find it in its text of it, so this quote is unverified.*"


@dataclass
class Provenance:
    """Where a quote was verified, as an export shows it."""

    page: str | None                # "13", "13-14"
    version: str | None             # shown when it is not the newest version kb holds text of
    only_in: str | None = None      # "verified in v1, not found in v3": the newest version lacks it
    newest: str | None = None
    moved_to: str | None = None     # "4", "4-5": the newest version prints it on another page than `page`


def provenance_of(kb: "KB", quote: dict, cache: dict) -> Provenance:
    """The page and version of a verified quote, and whether the newest version
    kb holds still has it (a quote verified only in v1 must say so): as kb verify decides it, kept in the
    index (a "stale" quote, kb.ops.derive.stale_marks), never looked for again here."""
    if quote.get("status") not in ("verified", "stale"):
        held = versions_with_text(kb.conn, quote["citekey"])
        version = quote.get("version") or None
        newer = bool(held) and bool(version) and version_number(held[-1]) > version_number(version)
        return Provenance(None, version if newer else None, newest=held[-1] if newer else None)
    page, end = quote.get("page"), quote.get("page_end")
    pages = (f"{page}-{end}" if end and end != page else f"{page}") if page else None
    held = versions_with_text(kb.conn, quote["citekey"])
    version = quote.get("version") or None
    if not version or not held or version == held[-1]:
        return Provenance(pages, None)
    newest = held[-1]
    if version_number(newest) <= version_number(version):
        return Provenance(pages, None)
    gone = quote.get("status") == "stale"
    moved = quote.get("moved_to") if not gone and quote.get("moved_in") == newest else None
    return Provenance(pages, version, only_in=version if gone else None, newest=newest, moved_to=moved)


def version_line(label: str, prov: Provenance) -> str:
    """The line after a block quoted from an older version."""
    where = f", p. {prov.page}" if prov.page and "-" not in prov.page else f", pp. {prov.page}" if prov.page else ""
    if prov.only_in:
        return (f"*Quoted from {label}{where}; stale: verified in {prov.only_in} only: "
                f"{prov.newest}, the newest version kb holds, does not have it.*")
    there = (f", p. {prov.moved_to}" if "-" not in prov.moved_to else f", pp. {prov.moved_to}") \
        if prov.moved_to and prov.page else ""         # its page there, where a page is said at all
    return f"*Quoted from {label}{where} ({prov.newest} also has it{there}).*"


def locator(quote: dict) -> str | None:
    """'p. 9' or 'pp. 13-14' from a quote's pages."""
    page, end = quote.get("page"), quote.get("page_end")
    if not page:
        return None
    return f"pp. {page}-{end}" if end and end != page else f"p. {page}"


_PANDOC_KEY = lazy(r"^[A-Za-z0-9_][\w:.#$%&\-+?<>~/]*$")


def pandoc_key(citekey: str) -> str:
    key = citekey.rstrip(":.#$%&-+?<>~/")
    return f"@{citekey}" if key == citekey and _PANDOC_KEY.match(citekey) else "@{" + citekey + "}"


@dataclass
class NoteExport:
    text: str
    quotes: list[dict]
    references: list[Reference]
    warnings: list[str] = field(default_factory=list)
    bib: str | None = None            # --format markdown: the cited entries, for pandoc (and biber)
    bib_summary: str | None = None    # what shaping them to biber's data model changed (BibExport.summary)


def export_note(kb: "KB", *, ids: list[str] | None = None, topics: list[str] | None = None,
                paper: str | None = None, cite: list[str] | None = None, anchor: str = "citekey",
                fmt: str = "note", bib_name: str | None = None, pages: bool = True,
                text: list[str] | None = None) -> NoteExport:
    """A note of the selected quotes, in `fmt` (note | markdown | json).

    With `pages` (the default) each block keeps its provenance: the page it
    was verified on and, when that is not the newest version kb holds, the
    version (a `page`/`version` attribute, `[@key, p. N]` and a line in
    Markdown); without, the blocks are exactly the note format's."""
    if fmt not in NOTE_FORMATS:
        raise UsageError(choice_said("--format", fmt, NOTE_FORMATS))
    if anchor not in ANCHOR_MODES:          # refused before the selection is read: a wrong word is said first
        raise UsageError(choice_said("--anchor", anchor, ANCHOR_MODES))
    cite = paper_keys(kb.conn, list(dict.fromkeys(cite or [])))     # an alias (ids) is its paper
    # --cite alone makes a references list; no selection at all exports every quote.
    quotes = [] if cite and not (ids or topics or paper or text) else select_quotes(
        kb, ids=ids, topics=topics, paper=paper, text=text)
    if not quotes and not cite:
        what = _selection(topics, paper, text)
        # none stored at all: how to store one (kb quote ls would only say there are none)
        raise NotFound("no quotes" + (f" match {what}" if what else " stored"),
                       hint="see `kb quote ls`" if what else 'kb quote add KEY "a sentence, word for word" stores one')
    quoted = list(dict.fromkeys(q["citekey"] for q in quotes))
    known = {r[0] for r in kb.db.execute("select citekey from papers")} if quoted else set()
    orphan = next((q for q in quotes if q["citekey"] not in known), None)
    if orphan:
        raise NotFound(f"quote {orphan['id']} is from {shown(orphan['citekey'])}, which is not in references.bib",
                       hint=f"add the paper back, or remove the quote from {orphan['file']}")
    refs = make_references(kb, quoted, [k for k in cite if k not in quoted], anchor)
    by_key = {r.citekey: r for r in refs}
    papers = _paper_rows(kb, list(by_key))
    warnings: list[str] = []
    marks: dict[str, str] = {}
    provs: dict[str, Provenance] = {}
    cache: dict = {}
    for q in quotes:
        if q["status"] == "unverified":
            marks[q["id"]] = unverified_line(kb, q, papers[q["citekey"]])
            reason = q.get("reason") or q.get("note") or "stored with --force"
            warnings.append(f"quote {q['id']} is unverified, and marked so in the export: {reason}")
        if pages or fmt == "json" or q["status"] == "stale":
            prov = provs[q["id"]] = provenance_of(kb, q, cache)
            if q["status"] == "unverified":
                continue
            if prov.version and (pages or prov.only_in):
                # a stale quote is said so with or without pages (--no-pages: no page in the line either)
                marks[q["id"]] = version_line(source_label(papers[q["citekey"]], prov.version),
                                              prov if pages else replaced(prov, page=None))
            if prov.only_in:
                warnings.append(f"quote {q['id']} is stale: verified in {prov.only_in} only; "
                                f"{prov.newest} does not have it, and the export says so")
    if fmt == "json":
        out_quotes = []
        for q in quotes:
            ref = by_key[q["citekey"]]
            item = {k: q.get(k) for k in ("id", "citekey", "version", "text", "status", "page", "page_end",
                                          "method", "spans", "prefix", "suffix", "extractor", "topics", "note",
                                          "stale_in", "stale", "moved_in", "moved_to")}
            # a soft hyphen a quote or its context holds (U+00AD: PDFium's line-end hyphen) is
            # a stray "-" where the export is read: the word joined (the claims file keeps it)
            item.update({k: readable(item[k]) for k in ("text", "prefix", "suffix") if isinstance(item[k], str)})
            prov = provs.get(q["id"])
            item.update({"number": ref.number, "anchor": ref.anchor, "title": papers[q["citekey"]]["title"],
                         "unverified_note": marks.get(q["id"], "").strip("*") or None
                         if q["status"] == "unverified" else None,
                         "newest_version": prov.newest if prov else None,
                         "verified_only_in": prov.only_in if prov else None})
            out_quotes.append(item)
        doc = {"quotes": out_quotes, "references": [r.to_dict() for r in refs], "warnings": warnings}
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        return NoteExport(text, quotes, refs, warnings)
    if fmt == "markdown":       # the .bib beside it shaped as kb export bib shapes it
        bib = bib_export(kb, [r.citekey for r in refs])
        return NoteExport(_markdown(quotes, refs, marks, cite, quoted, bib_name, pages), quotes, refs, warnings,
                          bib=bib.text, bib_summary=bib.summary())
    parts = []
    for q in quotes:
        ref = by_key[q["citekey"]]
        prov = provs.get(q["id"]) if pages else None
        parts.append(note_quote_block(readable(q["text"]), ref.anchor, ref.number, prov.page if prov else None,
                                      prov.version if prov else None))
        if q["id"] in marks:
            parts.append(marks[q["id"]])
    body = "\n\n".join(parts)
    text = (body + "\n\n" if body else "") + references_section(refs)
    return NoteExport(text, quotes, refs, warnings)


# What Markdown (pandoc's and CommonMark) reads as markup anywhere in a line: emphasis, code, tables, math, tags and
# autolinks, links and citations, an entity ("&amp;"), an underscore not inside a word; and what pandoc's typography
# changes: "--" an en dash, "..." an ellipsis, straight quote marks curly ones
_MD_SPECIAL = lazy(r"[*`|$<\[\]'\"]|&(?=#?\w+;)|(?<![^\W_])@|(?<![^\W_])_|_(?![^\W_])|(?<=-)-|(?<=\.\.)\.")
# ... pandoc's sub- and superscript, strikeout: "~" and "^" closed in the same word ("H~2~O", "x^2^", "~~a~~"; never
# the "~" of "~8 GPUs")
_MD_PAIRED = lazy(r"([~^])[^\s~^]*\1")
# ... and at the start of a line: a heading, a nested blockquote, a list item, a rule or setext underline, a definition
_MD_LINE_START = lazy(r"^(?:[#>+\-=:]|(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,6})(?=[.)](?:\s|$))"
                      r"|\((?=(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,6}|@)\)))")


def md_escaped(line: str) -> str:
    """A line of a quote as Markdown text that pandoc and CommonMark render as the very characters, never markup:
    each special backslash-escaped (kb verify --note reads the escapes back), a backslash itself a character
    reference (so "\\cite{x}" is no LaTeX), the line's indentation (a code block) left out."""
    line = "&#92;".join(_MD_SPECIAL.sub(lambda m: "\\" + m.group(), part) for part in line.strip().split("\\"))
    line = _MD_PAIRED.sub(lambda m: "\\" + m.group()[:-1] + "\\" + m.group()[-1], line)
    start = _MD_LINE_START.match(line)
    if start is not None:
        at = start.end() if start.group()[:1] not in "#>+-=:(" else 0
        line = line[:at] + "\\" + line[at:]
    return line


def _markdown(quotes: list[dict], refs: list[Reference], marks: dict[str, str], cite: list[str],
              quoted: list[str], bib_name: str | None, pages: bool = True) -> str:
    """Blockquotes with pandoc citations; `pandoc --citeproc` renders the references."""
    head = []
    if bib_name:
        head.append(f"bibliography: {json.dumps(bib_name)}")
    nocite = [k for k in cite if k not in quoted]
    if nocite:
        head.append("nocite: |\n  " + ", ".join(pandoc_key(k) for k in nocite))
    parts = ["---\n" + "\n".join(head) + "\n---"] if head else []
    for q in quotes:
        lines = [("> " + md_escaped(line)).rstrip() for line in readable(q["text"]).splitlines() or [""]]
        loc = locator(q) if pages else None
        lines.append(f"[{pandoc_key(q['citekey'])}" + (f", {loc}" if loc else "") + "]")
        parts.append("\n".join(lines))
        if q["id"] in marks:
            parts.append(marks[q["id"]])
    parts.append("## References\n\n::: {#refs}\n:::")
    return "\n\n".join(parts) + "\n"


# -- BibTeX and CSL-JSON ----------------------------------------------------------------------

def bib_text(kb: "KB", citekeys: list[str], *, entry=None, along: list[str] | None = None) -> str:
    """The entries of `citekeys`, each exactly as references.bib holds it (or as
    `entry(bibfile, key)` writes it), then those of `along` (keys of references.bib the
    papers name: BibTeX wants them after), after the @preamble and the @string
    definitions they use (copied as written, each after the @strings it is built from),
    the lines kb writes between them ending as references.bib's all end (\\r\\n, \\r): not
    a mix of the file's and kb's."""

    bibfile = BibFile.load(kb.layout.bib)
    blocks, used = [], []
    for key in paper_keys(kb.conn, citekeys) + [k for k in along or [] if k not in citekeys]:
        if key not in bibfile.by_key:
            raise NotFound(f"{key} is not in references.bib")
        # as stored: the person's '%' lines right above an entry go with it (they were dropped)
        # an entry using a macro the file defines again after it: its value there, spelled out (the @strings
        # written before every entry are the file's last, which gave it another)
        blocks.append(bibfile.spelled_out(key, entry(bibfile, key) if entry
                                          else bibfile.comments_above(key) + bibfile.entry_text(key)).strip())
        used += [name for name in bibfile.macros_used(key) if name not in used]
    # shaped: an @string's '%' comments left out as an entry's are (BibTeX and pybtex refuse them)
    strings = [(without_comments(bibfile.string_blocks[name]) if entry else bibfile.string_blocks[name]).strip()
               for name in used]
    preambles = [(without_comments(p) if entry else p).strip() for p in bibfile.preambles()] if blocks else []
    return with_line_ends("\n\n".join(preambles + strings + blocks) + ("\n" if blocks or strings else ""),
                          bibfile.text[:1 << 16])


@dataclass
class BibExport:
    text: str
    reshaped: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # citekey -> (kind, detail)
    #: --as-stored: one line per field holding what LaTeX reads as markup (a bare '&'), written as stored
    specials: list[str] = field(default_factory=list)

    def summary(self) -> str | None:
        """One line: how many entries were reshaped for biber's data model, and how."""
        if not self.reshaped:
            return None
        kinds: dict[str, int] = {}
        for changes in self.reshaped.values():
            for kind, _ in changes:
                kinds[kind] = kinds.get(kind, 0) + 1
        shown = ", ".join(f"{k} ({n})" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"reshaped {len(self.reshaped)} entr{'y' if len(self.reshaped) == 1 else 'ies'} for biber's "
                f"data model: {shown}")


def bib_export(kb: "KB", citekeys: list[str], *, as_stored: bool = False, whole: bool = False) -> BibExport:
    """`kb export bib`: the entries of `citekeys` shaped to biber's data model
    (BibFile.shaped_text: fields the type does not take dropped, months as macros,
    what biber cannot read as a number in `note`), with what was changed per entry;
    `as_stored`: exactly as references.bib holds them (bib_text). `whole`: every entry
    (no filter), the @xdata and @set entries no paper names too, after the rest."""
    citekeys = paper_keys(kb.conn, citekeys)
    bibfile = BibFile.load(kb.layout.bib)
    along = _brought_along(bibfile, citekeys)
    if whole:
        along += [e.key for e in bibfile.entries() if not is_work(e.entry_type) and e.key not in along]
    if as_stored:
        specials = [f"{key}: {name} (references.bib:{line}) holds {specials_said(found)}, kept as stored; "
                    "LaTeX stops at it in the .bbl (kb export bib without --as-stored escapes it)"
                    for key in citekeys + [k for k in along if k not in citekeys]
                    for name, line, found in bibfile.latex_specials(key)]
        if whole and set(citekeys) | set(along) >= set(bibfile.by_key):
            # every entry of the file: the file as the person wrote it, its '%' lines, @comment blocks and
            # order kept (the comments between entries were dropped, the file not byte for byte), kb's own
            # `% kb-owned:` lines left out
            return BibExport(bibfile.as_written(), specials=specials)
        return BibExport(bib_text(kb, citekeys, along=along), specials=specials)
    reshaped: dict[str, list[tuple[str, str]]] = {}

    def shaped(bibfile: BibFile, key: str) -> str:
        text, changes = bibfile.shaped_text(key)
        if changes:
            reshaped[key] = changes
        return text

    return BibExport(bib_text(kb, citekeys, entry=shaped, along=along), reshaped)


def _brought_along(bibfile: BibFile, citekeys: list[str]) -> list[str]:
    """The keys of references.bib that the entries of `citekeys` need to be read as biber
    reads them, and that they are not: what a crossref, xref or xdata names (an @xdata is no
    paper: it comes only so), the @set whose entryset groups one of them (a set is data, no
    paper: exported with its members), and every member a set brought names, in turn."""
    wanted = list(citekeys)
    sets = [e for e in bibfile.all_entries() if not is_work(e.entry_type) and "entryset" in e.fields]
    for key in wanted:          # grows as it goes: what an entry brought names comes too
        entry = bibfile.by_key[key].entry if key in bibfile.by_key else None
        if entry is None:
            continue
        named = [field_key(entry.fields.get(name)) for name in ("crossref", "xref")] + \
            key_list(entry.fields.get("xdata")) + key_list(entry.fields.get("entryset"))
        named += [s.key for s in sets if key in key_list(s.fields.get("entryset"))]
        for other in (bibfile.named(k) for k in named):
            if other is not None and other.key in bibfile.by_key and other.key not in wanted:
                wanted.append(other.key)
    return wanted[len(citekeys):]


_CSL_TYPES = {"article": "article-journal", "inproceedings": "paper-conference", "conference": "paper-conference",
              "proceedings": "book", "techreport": "report", "report": "report", "book": "book", "mvbook": "book",
              "inbook": "chapter", "incollection": "chapter", "bookinbook": "chapter", "phdthesis": "thesis",
              "mastersthesis": "thesis", "thesis": "thesis", "online": "webpage", "www": "webpage",
              "electronic": "webpage", "dataset": "dataset", "software": "software", "manual": "report",
              "booklet": "pamphlet", "unpublished": "manuscript", "patent": "patent", "periodical": "periodical",
              "collection": "book", "mvcollection": "book", "reference": "book", "inreference": "entry",
              "standard": "standard", "misc": "article"}
_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis", "techreport": "Technical report"}
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                       "oct", "nov", "dec"), 1)}
#: a month's name, whole or in its three letters ('Sept' too)
_MONTH_WORDS = {w: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                               "august", "september", "october", "november", "december"), 1)
                for w in (name, name[:3])} | {"sept": 9}
_DATE = lazy(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# CSL variables copied as text: (BibTeX/biblatex fields, first non-empty wins) -> CSL variable.
_CSL_TEXT = (
    (("abstract",), "abstract"), (("isbn",), "ISBN"), (("issn",), "ISSN"), (("edition",), "edition"),
    (("series",), "collection-title"), (("volume",), "volume"), (("chapter",), "chapter-number"),
    (("pagetotal", "numpages"), "number-of-pages"), (("volumes",), "number-of-volumes"),
    (("address", "location"), "publisher-place"), (("eventtitle",), "event"),
    (("venue", "location"), "event-place"), (("language", "langid"), "language"), (("keywords",), "keyword"),
    (("shorttitle",), "title-short"), (("shortjournal",), "container-title-short"),
    (("pubstate",), "status"), (("pmid",), "PMID"), (("pmcid",), "PMCID"),
)


#: A note that says only when a web page was read, as JabRef and Wikipedia's 'Cite this page' write it
#: ('[Online; accessed 5-December-2026]', 'Online; accessed 12-March-2023', 'Accessed: 2023-03-12', 'Last
#: accessed on March 12, 2023'): its date, in words or ISO 8601; a date in numbers alone ('12/03/2023') is
#: the day or the month first, never read.
_ACCESSED_NOTE = lazy(r"(?i)\s*\[?\s*(?:online\s*[;:,.]?\s*)?(?:last\s+)?accessed(?:\s+on)?\s*:?\s*"
                      r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)?[-\s]+([a-z]+)\.?[-\s,]+(\d{4})"
                      r"|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\s*\]?\s*\.?\s*")


def accessed_in_note(note: str | None) -> dict | None:
    """The CSL date of a note that says only when a web page was read (_ACCESSED_NOTE), or None: a note saying
    more, a month kb does not know, a day the month has not ('30-February-2023') or a date in numbers alone."""
    m = _ACCESSED_NOTE.fullmatch(note or "")
    if m is None:
        return None
    if m.group(1):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        month = _MONTH_WORDS.get((m.group(5) or m.group(7)).lower())
        if month is None:
            return None
        day, year = (int(m.group(4)), int(m.group(6))) if m.group(4) else (int(m.group(8)), int(m.group(9)))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return {"date-parts": [[year, month, day]]}


def csl_date(raw: str | None, year: object = None, month: str | None = None, day: str | None = None) -> dict | None:
    """A CSL date: biblatex `date` ("2019-06-02", "2019-06", a range "2019/2020"),
    else year, month (a macro, name or number) and day; text kb cannot read
    stays whole as the date's literal instead of being dropped or guessed."""
    raw = (raw or "").strip()
    if raw:
        ends = raw.split("/", 1)
        parts = []
        for end in ends:
            m = _DATE.fullmatch(end.strip())
            if not m:
                break
            nums = [int(g) for g in m.groups() if g]
            if len(ends) == 1 and len(nums) == 2 and 21 <= nums[1] <= 24:
                # EDTF's season (biblatex's date = {2021-22}, summer): CSL's season, 1 to 4 from spring
                return {"date-parts": [nums[:1]], "season": nums[1] - 20}
            if len(nums) > 1 and not 1 <= nums[1] <= 12 or len(nums) > 2 and not 1 <= nums[2] <= 31:
                break
            parts.append(nums)
        else:
            return {"date-parts": parts}
        return {"literal": raw}
    year_text = str(year or "").strip()
    if not year_text:
        return None
    if not year_text.isdigit():
        return {"literal": year_text}
    parts = [int(year_text)]
    word = (month or "").strip().lower().rstrip(".")
    number = _MONTHS.get(word[:3]) if word[:3] in _MONTHS and (len(word) == 3 or word.isalpha()) else None
    if number is None and word.isdigit() and 1 <= int(word) <= 12:
        number = int(word)
    if number:
        parts.append(number)
        if (day or "").strip().isdigit() and 1 <= int(day.strip()) <= calendar.monthrange(parts[0] or 4, number)[1]:
            parts.append(int(day.strip()))
    elif word in _SEASONS:
        # month = {summer}: CSL's season (1 to 4 from spring), which citeproc prints as the season's name
        return {"date-parts": [parts], "season": _SEASONS[word]}
    elif word and (ends := _month_days(word)) and all(
            len(end) == 1 or end[1] <= calendar.monthrange(parts[0] or 4, end[0])[1] for end in ends):
        # a month with its day, a range of days or of months as BibTeX writes them (month = sep # "~15",
        # oct # "~25--29", jul # "--" # aug: 'Sep~15', 'Oct~25--29', 'Jul--Aug'): each end read whole (a day the
        # month has that year), or the year alone
        return {"date-parts": [parts + end for end in ends]}
    return {"date-parts": [parts]}


_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_MONTH_NAMES = {name: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                  "august", "september", "october", "november", "december"), 1)}
_MONTH_END = lazy(r"(?:([a-z]+)\.?(?:[~\s]+(\d{1,2}))?|(\d{1,2})[~\s]+([a-z]+)\.?)")
_MONTH_DASH = lazy(r"\s*(?:-{1,3}|\u2013|/)\s*")


def _month_days(word: str) -> list[list[int]] | None:
    """'sep~15' -> [[9, 15]], 'jul--aug' -> [[7], [8]], '2 june' -> [[6, 2]], 'oct~25--29' and '25--29 oct' ->
    [[10, 25], [10, 29]] (a month field in lower case, its macros read: month = oct # "~25--29" as ACL and DBLP
    write a meeting's days): each end a month's name or abbreviation, with a day the month has or none, a bare day
    the other end's month; None when any part is something else ('summer', 'sep 45', 'feb~30', 'jul and aug',
    'oct~29--25')."""
    ends: list[list[int] | int] = []
    pieces = _MONTH_DASH.split(word.strip())
    if len(pieces) > 2:
        return None
    for piece in pieces:
        if len(pieces) == 2 and piece.isdigit() and len(piece) <= 2:
            ends.append(int(piece))             # a day of the month the other end names
            continue
        m = _MONTH_END.fullmatch(piece)
        if not m:
            return None
        name, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        number = _MONTH_NAMES.get(name) or (_MONTHS.get(name) if len(name) == 3 or name == "sept" else None)
        if name == "sept":
            number = 9
        if not number:
            return None
        ends.append([number] + ([int(day)] if day else []))
    if len(ends) == 2 and isinstance(ends[0], int) != isinstance(ends[1], int):
        # '25--29 oct', 'oct~25--29': one month, two days, the first before the last
        month_end = ends[1] if isinstance(ends[0], int) else ends[0]
        if len(month_end) != 2:
            return None
        days = sorted([month_end[1], ends[0] if isinstance(ends[0], int) else ends[1]])
        if days[0] >= days[1] or month_end[1] != (days[1] if isinstance(ends[0], int) else days[0]):
            return None
        ends = [[month_end[0], days[0]], [month_end[0], days[1]]]
    if any(isinstance(end, int) for end in ends):
        return None
    if any(len(end) > 1 and not 1 <= end[1] <= _MONTH_LENGTH[end[0] - 1] for end in ends):
        return None
    if len(ends) == 2 and len(ends[0]) != len(ends[1]):
        return None
    return ends


#: the most days a month has (February's 29 in a leap year: the month field does not say the year)
_MONTH_LENGTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def csl_name(name) -> dict:
    """A kb.text.names.Name as CSL: the von part of the family name ("de la" of
    "de la Vallée Poussin", the words before the last that begin in lower case,
    as BibTeX reads them as written: Name.particle) is its non-dropping particle. A family
    name the person braced whole is one ('{van der Berg}, Jan': family "van der Berg", as BibTeX
    sorts and prints it, where CSL was given 'Berg' and the particle 'van der')."""
    out = name.csl()
    family, particle = out.get("family", ""), getattr(name, "particle", "")
    if particle and family.startswith(particle + " ") and family[len(particle):].strip():
        out["family"] = family[len(particle):].strip()
        out["non-dropping-particle"] = particle
    return out


def _csl_text(value: str) -> str:
    return " ".join(latex_to_text(value).split())


_TEX_MATH_SPAN = lazy(r"(?<!\\)\$[^$]+(?<!\\)\$")
_OPEN, _CLOSE = "\ue000", "\ue001"      # private-use marks of what TeX keeps the case of, kept by latex_to_text
_VERBATIM = frozenset({"\\url", "\\path", "\\nolinkurl", "\\doi"})     # an address: its case is its own
_COMMAND_BEFORE = lazy(r"\\(?:[A-Za-z]+\s*|[\"'`^~=.])$")     # a command's, or an accent's ('\\"{o}'): not '\\& {T}'



def _case_kept(value: str) -> str:
    """`value` with what BibTeX keeps the case of marked (_OPEN, _CLOSE): its math, and a brace group outside
    every other that is no command's argument ('{BERT}', '{T}ransformers'), nor a special character ('{\\"O}')."""
    out, depth, pos, argument = [], 0, 0, False
    for i, ch in enumerate(value):
        if ch == "{" and (i == 0 or value[i - 1] != "\\"):
            if depth == 0:
                before = value[:i]
                command = _COMMAND_BEFORE.search(before[-40:])
                argument = ((command is not None and command.group().strip() not in _VERBATIM)
                            or (argument and before.endswith("}")) or value.startswith("\\", i + 1))
                if not argument:
                    out += [value[pos:i + 1], _OPEN]
                    pos = i + 1
            depth += 1
        elif ch == "}" and depth and value[i - 1] != "\\":
            depth -= 1
            if depth == 0 and not argument:
                out += [value[pos:i], _CLOSE]
                pos = i
    out.append(value[pos:])
    marked = "".join(out) if depth == 0 else value
    return _TEX_MATH_SPAN.sub(lambda m: _OPEN + m.group() + _CLOSE, marked) if "$" in marked else marked


def _csl_title(value: str) -> str:
    """A title as CSL text: each word whose case BibTeX keeps (its math: 'H$_2$O', '$\\alpha$-helix'; in braces:
    '{CO2}', '{BERT}') in a nocase span, which citeproc's title case leaves as it is, as pandoc's own reading of
    BibTeX writes it: 'H₂O', 'α-helix' and '{CO2}' were printed 'H₂o', 'Α-Helix' and 'Co2'."""
    if "$" not in value and "{" not in value:
        return _csl_text(value)
    text = _csl_text(_case_kept(value))
    if _OPEN not in text and _CLOSE not in text:
        return _csl_text(value)
    words, kept, inside = [], [], 0
    for word in text.split(" "):
        held = inside > 0 or _OPEN in word or _CLOSE in word
        inside += word.count(_OPEN) - word.count(_CLOSE)
        bare = word.replace(_OPEN, "").replace(_CLOSE, "")
        if held:
            if bare:
                kept.append(bare)
            continue
        if kept:
            words.append(f'<span class="nocase">{" ".join(kept)}</span>')      # as text: pandoc reads no &amp;
            kept = []
        words.append(bare)
    if kept:
        words.append(f'<span class="nocase">{" ".join(kept)}</span>')
    return " ".join(w for w in words if w)


#: a howpublished that is a link alone: \\url{...} (its text verbatim, as LaTeX reads it) or an address
_HOW_LINK = lazy(r"\s*(?:\\url\s*\{([^{}\s]+)\}|(https?://[^\s{}]*[^\s{}.]))\s*\.?\s*")


def csl_item(row: dict) -> dict:
    """One paper as a CSL-JSON item (what pandoc, Zotero and citeproc read): every
    field CSL has a variable for, biblatex's names for them too (journaltitle,
    date, location, eprinttype), text decoded from LaTeX."""

    f = {k.lower(): v for k, v in (row["fields"] or {}).items() if isinstance(v, str) and v.strip()}
    etype = (row["entry_type"] or "misc").lower()
    ctype = _CSL_TYPES.get(etype, "article")
    journal = f.get("journaltitle") or f.get("journal")
    arxiv_id = row.get("arxiv_id")
    journal_is_arxiv = bool(journal) and re.match(r"\s*(arxiv|corr\b)", journal, re.IGNORECASE) is not None
    if ctype == "article-journal" and (not journal or journal_is_arxiv):
        ctype = "article"                       # a preprint: @article with no journal, or "arXiv preprint ..."
    title = _csl_title(f.get("title") or row["title"] or "")
    if f.get("subtitle"):
        title = f"{title}: {_csl_title(f['subtitle'])}"
    item: dict = {"id": row["citekey"], "type": ctype, "title": title}
    for role, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator"),
                      ("bookauthor", "container-author")):
        # 'and others' as pandoc writes it from BibTeX, and citeproc reads it: et al. after the names; where
        # the list holds it mid-way ('A and others and B'), where it stands, as pandoc keeps it: never moved to the
        # end, where it would say the list was cut short after a name it was not cut after
        raws = split_names(f.get(role))
        if any(raw.lower() != "others" for raw in raws):
            item[csl] = [{"literal": "others"} if raw.lower() == "others" else csl_name(parse_name(raw))
                         for raw in raws]
    issued = csl_date(f.get("date"), f.get("year") or row.get("year"), f.get("month"), f.get("day"))
    if issued:
        item["issued"] = issued
    accessed = csl_date(f.get("urldate"))
    # JabRef's and Wikipedia's web page: no urldate, a note saying when it was read and nothing else
    accessed_note = accessed_in_note(_csl_text(f["note"])) if not accessed and f.get("note") else None
    if accessed or accessed_note:
        item["accessed"] = accessed or accessed_note
    if paper_doi(row):
        item["DOI"] = paper_doi(row)
    url = paper_url(row)
    if url:
        item["URL"] = url
    container = (journal if ctype == "article-journal" else None) or f.get("booktitle") or (
        journal if not journal_is_arxiv else None)
    if container:
        item["container-title"] = " ".join(venue_text(container).split())
    if f.get("pages"):
        item["page"] = re.sub(r"\s*-+\s*", "-", f["pages"].strip())
    for names, csl in _CSL_TEXT:
        if csl == "event-place" and (f.get("address") or "").strip() in ("", (f.get("location") or "").strip()):
            names = names[:1]       # a location beside another address is the event's (ACM's), else the publisher's
        value = next((f[n] for n in names if f.get(n)), None)
        if value and csl not in item:
            # an abstract's paragraphs (a blank line between them, as Zotero writes them) stay paragraphs
            parts = re.split(r"\n[ \t]*\n\s*", value.replace("\r\n", "\n").replace("\r", "\n"))
            item[csl] = _csl_text(value) if csl != "abstract" else "\n\n".join(
                text for part in parts if (text := latex_to_text(part).strip()))
    # howpublished (a @misc's, hand-written and Google Scholar's): its link the item's URL where the entry has no
    # url (what pandoc reads too), any other text its publisher after the entry's own, as pandoc reads it
    how, how_note = f.get("howpublished"), None
    link = _HOW_LINK.fullmatch(how) if how else None
    if link is not None and not f.get("url"):
        item["URL"] = link.group(1) or link.group(2)
    elif link is not None and (link.group(1) or link.group(2)) != f["url"].strip():
        how_note = link.group(1) or link.group(2)       # a second link: kept, in note
    publisher = f.get("publisher") or f.get("institution") or f.get("school") or f.get("organization") or (
        how if link is None else None)
    if publisher:
        item["publisher"] = _csl_text(publisher)
    number = f.get("number") or f.get("issue")
    if f.get("issue") and ctype in ("article-journal", "article"):
        item["issue"] = f["issue"].strip()
    elif number and ctype in ("article-journal", "periodical"):
        item["issue"] = number.strip()
    elif number and f.get("series") and ctype in ("book", "chapter", "paper-conference"):
        item["collection-number"] = number.strip()
    elif number:
        item["number"] = number.strip()
    if f.get("version") and ctype in ("software", "dataset"):
        item["version"] = _csl_text(f["version"])
    genre = f.get("type") or _GENRES.get(etype)
    if genre and ctype in ("report", "thesis", "dataset", "software", "webpage", "manuscript", "article"):
        item["genre"] = _csl_text(genre)
    # a note that is the item's link alone ('note = {\\url{http://www.deeplearningbook.org}}') is its URL, said once
    notes = [_csl_text(f[k]) for k in ("note", "addendum") if f.get(k)
             and not (k == "note" and accessed_note)
             and not (arxiv_id and find_arxiv_in_text(f[k]) and len(f[k]) < 40)
             and not ((one := _HOW_LINK.fullmatch(f[k])) and (one.group(1) or one.group(2)) == item.get("URL"))] \
        + ([how_note] if how_note else [])
    if notes:
        item["note"] = ". ".join(n.rstrip(".") for n in notes)
    if arxiv_id:
        item["archive"] = "arXiv"
        item["archive_location"] = f"arXiv:{arxiv_id}" + (row.get("version") or "")
        if ctype == "article":              # the preprint itself: arXiv is where it is published
            item["number"] = arxiv_id
            item.setdefault("publisher", "arXiv")
            if row.get("version"):
                item["version"] = row["version"].lstrip("v")
    elif (f.get("eprinttype") or f.get("archiveprefix")) and f.get("eprint"):
        item["archive"] = _csl_text(f.get("eprinttype") or f.get("archiveprefix"))
        item["archive_location"] = _csl_text(f["eprint"])
    return {k: v for k, v in item.items() if v not in ("", None, [])}


def csl_json(kb: "KB", citekeys: list[str]) -> str:
    rows = _paper_rows(kb, citekeys)
    bibfile = BibFile.load(kb.layout.bib) if any(r["fields"].get("xdata") for r in rows.values()) else None
    return json.dumps([csl_item(_as_read(kb, rows[k], bibfile)) for k in citekeys], indent=2,
                      ensure_ascii=False) + "\n"


def _from_xdata(bibfile: BibFile | None, row: dict) -> dict[str, str]:
    """The fields a paper has through its @xdata entries (BibFile.lent_by_xdata): CSL has no xdata."""
    if bibfile is None or not row["fields"].get("xdata"):
        return {}
    entry = bibfile.entry(row["citekey"])
    return bibfile.lent_by_xdata(entry) if entry is not None else {}


def _as_read(kb: "KB", row: dict, bibfile: BibFile | None = None) -> dict:
    """A paper's row with the fields its @xdata entries give it and its crossref parent lends
    it (the proceedings' title as its container, their publisher and editors), as BibTeX and
    biber read the entry: CSL has no crossref, so an item without them would lose where the
    paper appeared."""
    xdata = _from_xdata(bibfile, row)
    if xdata:
        row = {**row, "fields": {**xdata, **row["fields"]}}
    parent_key = field_key(row["fields"].get("crossref"))
    if not parent_key:
        return row
    found = kb.conn.execute("select fields from papers where citekey = ? collate nocase "
                            "order by citekey = ? desc limit 1", [parent_key, parent_key]).fetchone()
    if found is None and (alias := resolve_alias(kb.conn, parent_key)) is not None:
        found = kb.conn.execute("select fields from papers where citekey = ?", [alias]).fetchone()
    if found is None:
        return row
    lent = lent_by_crossref(row["entry_type"] or "misc", row["fields"], json.loads(found[0] or "{}"))
    return {**row, "fields": {**lent, **row["fields"]}} if lent else row


# -- writing -----------------------------------------------------------------------------------

STDOUT = "-"


def is_stdout(given: str | Path | None) -> bool:
    """`-o -`: write to standard output."""
    return given is not None and str(given) == STDOUT


def output_path(kb: "KB", given: str | Path, *, force: bool = False, example: str = "note.md") -> Path:
    """Where -o writes: relative to the current folder; never a folder, never
    inside .kb/, never over references.bib, kb.toml or claims/, never in place of
    a symbolic link or a special file (a FIFO, a device): kb writes a new file and
    renames it over the old one, which would replace the link or the FIFO itself.
    Never over a file kb did not write, or changed since it did, unless `force`
    (`replaced_by_output`). The one check of every -o (callers treat `-o -` as stdout first).
    `example`: the file name a folder given as -o is told to end in, as the command writes it
    (`kb export bib -o exports/` was told "e.g. exports/note.md")."""
    import stat

    text = str(given)
    if not text.strip():
        raise UsageError("-o needs a file name")
    if text.endswith(("/", "\\")):
        raise UsageError(f"-o {text}: is a folder name; give a file name, e.g. {text.rstrip('/')}/{example}")
    path = Path(text).expanduser()
    path = path if path.is_absolute() else Path.cwd() / path
    try:
        st = path.lstat()
    except FileNotFoundError:
        st = None
    except OSError as exc:      # a name too long, a file where a folder should be, a loop of links
        raise UsageError(f"-o {shown(text)}: {(exc.strerror or str(exc)).lower()}; nothing written",
                         hint="give the path of a file kb can write (or -o - for stdout)") from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise UsageError(f"-o {text}: is a symbolic link; kb replaces the file it writes, so it would "
                         "replace the link", hint="give the path of a regular file (or -o - for stdout)")
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        raise UsageError(f"-o {text}: is not a regular file (a FIFO, socket or device); kb writes files only",
                         hint="use -o - to write to stdout and redirect it")
    path = path.resolve()
    layout = kb.layout
    state = layout.state.resolve()
    if is_or_inside(path, state):
        raise UsageError(f"-o {shown(text)}: refusing to write inside {shown(state)}: that folder is kb's index and cache, "
                         "and kb will not write into it",
                         hint="write exports to exports/ or anywhere else")
    if path.is_dir():
        raise UsageError(f"-o {shown(text)}: {shown(path)} is a folder; give a file name, e.g. "
                         f"{shown(text.rstrip('/'))}/{example}")
    if any(is_or_inside(path, truth.resolve(), folder=False) for truth in (layout.bib, layout.marker)) \
            or is_or_inside(path.parent, layout.claims.resolve()):
        raise UsageError(f"-o {shown(text)}: refusing to overwrite the knowledge base's own truth files",
                         hint="write exports to exports/ or anywhere else")
    if st is not None and not force:
        kept = replaced_by_output(kb, path)
        if kept is not None:
            raise UsageError(f"-o {shown(text)}: {kept}; nothing written",
                             hint="--force replaces it, or give another file name")
    return path


def _output_key(kb: "KB", path: Path) -> str:
    """A written file's name in the record: relative to the knowledge base when inside it
    (the record holds when the folder is moved), else absolute."""
    root = kb.root.resolve()
    return path.relative_to(root).as_posix() if root in path.parents else str(path)


def _outputs(kb: "KB") -> dict:
    """The record of the files -o wrote: name -> [size, sha256]; none when it cannot be read."""
    try:
        record = read_json(kb.layout.outputs.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _fingerprint(path: Path, size: int) -> list:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return [size, digest.hexdigest()]


def replaced_by_output(kb: "KB", path: Path) -> str | None:
    """Why -o must not replace the existing file `path`, or None when kb may: a file kb
    wrote there and nobody changed since (its size and sha256 as recorded), or an empty
    one. A person's own file (a note, a .bib kept by hand, an export edited since) was
    replaced without a word by `kb export note -o notes.md`. A file kb holds no record of
    (written before kb kept one, or in a copy of the knowledge base) is a person's too,
    unless git holds it as it is (`_kept_by_git`: an export committed with the knowledge
    base, regenerated in a fresh clone, loses nothing git cannot give back)."""
    try:
        size = path.stat().st_size
        if size == 0:
            return None
        recorded = _outputs(kb).get(_output_key(kb, path))
        if isinstance(recorded, list) and recorded[0] == size and _fingerprint(path, size) == recorded:
            return None
        if _kept_by_git(path):
            return None
        if isinstance(recorded, list):
            return "the file was changed after kb wrote it"
    except OSError as exc:
        return f"the file cannot be read ({(exc.strerror or str(exc)).lower()})"
    return "the file exists, and kb did not write it"


def _kept_by_git(path: Path) -> bool:
    """Whether the file at `path` is, byte for byte, what the index of the git repository
    holding it has of it (staged or committed): `git checkout` gives it back. False where
    there is no repository, no git, or git does not answer within seconds."""
    import hashlib
    import shutil
    import subprocess

    folder = path.parent
    if not any((d / ".git").exists() for d in (folder, *folder.parents)) or shutil.which("git") is None:
        return False
    try:
        r = subprocess.run(["git", "-C", str(folder), "ls-files", "--stage", "-z", "--", path.name],
                           capture_output=True, timeout=10)
        data = path.read_bytes()
    except (OSError, subprocess.SubprocessError):
        return False
    fields = r.stdout.split(b" ", 2) if r.returncode == 0 else []
    if len(fields) < 3:
        return False                    # not tracked
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest().encode()
    return fields[1] == blob


def _record_output(kb: "KB", path: Path) -> None:
    """Note `path` as written by kb, as it is now. A record that cannot be written (a
    read-only .kb/) only means the next -o to it asks for --force. Names are kept as JSON
    escapes: a file name may hold a byte that is not UTF-8 ('a\\udcff.bib')."""
    try:
        size = path.stat().st_size
        record = {name: held for name, held in _outputs(kb).items()
                  if (Path(name) if Path(name).is_absolute() else kb.root / name).exists()}
        record[_output_key(kb, path)] = _fingerprint(path, size)
        write_changed(kb.layout.outputs, json.dumps(record, indent=1) + "\n", kb.layout.tmp)
    except (OSError, KBError):
        pass


def write_output(kb: "KB", path: Path, text: str) -> bool:
    """Atomic: a reader sees the old file or the new one, never half of it. Whether it was written:
    a file holding these very bytes already is left as it is, its mtime too (`kb export note -o
    FILE` run again said "wrote FILE" of a file it had replaced by the same bytes)."""

    root = kb.root.resolve()
    # A folder -o names that is not there is made, and said (KB.on_warning): a typo'd folder made in
    # silence held an export nobody found. The knowledge base's own exports/ is made unsaid.
    made = path.parent
    while not made.parent.exists() and made.parent != made:
        made = made.parent
    made = None if made.exists() or path.parent == kb.layout.exports.resolve() else made
    tmp = kb.layout.tmp if root in path.parents else path.parent   # same filesystem for os.replace
    try:
        wrote = write_changed(path, text, tmp)
    except OSError as exc:
        raise UsageError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
    if made is not None and kb.on_warning is not None:
        below = "" if made == path.parent else f" ({shown(made)} and the folders below it were not there)"
        kb.on_warning(f"made the folder {shown(path.parent)} for {shown(path.name)}{below}")
    _record_output(kb, path)
    return wrote
