"""A whole HTML document read as a note (a Google Docs or Notion export, a saved web page, a Zotero note): its text
as a Markdown note writes it, and the document's line of each of its lines.

Entities are decoded and the markup a browser shows as one run of text (``<span>``, ``<b>``) is left
out, so that a sentence split over spans is one sentence; paragraphs, list items and table rows are
paragraphs; a ``<blockquote>`` is ``> `` lines (its ``<footer>`` its last line), ``<q>`` is quote
marks, ``<sup>`` and ``<a href="#...">`` are kept as written (a footnote's mark), another link is a
Markdown link, and an element with an id is an anchor (``<a id=".."></a>``) before its text, as a
note's reference is written.
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

# what opens a whole document, after any comments and white space
_DOCUMENT = re.compile(r"(?is)\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
                       r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]"
                       # (a Zotero note, as its "Add Note from Annotations" makes it and it is exported)
                       r"|<div\b[^<>]{0,300}\bdata-schema-version\b)")
_BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li tr table ul ol dl dt dd section article header footer main nav "
                    "aside figure figcaption pre hr address details summary caption".split())
_SKIPPED = frozenset("head script style title template noscript svg".split())
_SPACE = re.compile(r"\s+")
_TARGET = re.compile(r"""(?i)\bhref\s*=\s*["']?#([^"'\s>]+)""")


# what opens a Zotero note pasted without its outer <div>: an element of its blocks, Zotero's highlight or
# citation marks in it
_BLOCK_OPENS = re.compile(r"(?is)\s*(?:<!--.*?-->\s*)*<(?:p|h[1-6]|div|blockquote|ul|ol)[\s>]")
_ZOTERO_MARKS = re.compile(r"(?i)<span\s[^<>]{0,300}(?:\bdata-(?:annotation|citation)\s*=|\bclass\s*=\s*[\"']?citation-item\b)")


def is_html_document(text: str) -> bool:
    """Whether a note is a whole HTML document rather than Markdown holding some HTML (a Zotero note
    too without its outer <div>: its blocks holding its highlights' and citations' marks)."""
    head = text[:4000]
    return _DOCUMENT.match(head) is not None \
        or ("<span" in head and _BLOCK_OPENS.match(head) is not None and _ZOTERO_MARKS.search(head) is not None)


class _Reader(HTMLParser):
    def __init__(self, targets: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.targets = targets              # the ids a link of the document points at (a footnote's, an entry's)
        self.out: list[str] = []
        self.line_of: list[int] = [1]       # each output line's line in the document
        self.at_start = True                # nothing written on the current output line yet
        self.quoted = 0                     # blockquote depth
        self.skip = 0
        self.lists: list[int | None] = []   # each open list: its next number (None for <ul>)
        self.links: list[str | None] = []   # each open <a>: what closes it
        self.item_opened = False            # a list item's mark written, none of its text yet

    def _newline(self) -> None:
        self.out.append("\n")
        self.line_of.append(self.getpos()[0])
        self.at_start = True

    def _break(self, blank: bool = True) -> None:
        """End the current line; a blank line after it outside a blockquote (a new paragraph)."""
        if self.out and not self.at_start:
            self.out[-1] = self.out[-1].rstrip(" ")
        if not self.out:
            return
        if not self.at_start:
            self._newline()
        if blank and not self.quoted and not (len(self.out) >= 2 and self.out[-1] == "\n" and self.out[-2] == "\n"):
            self._newline()

    def _write(self, s: str) -> None:
        if not s:
            return
        if self.at_start:
            s = s.lstrip(" ")
            if not s:
                return
            self.line_of[-1] = self.getpos()[0]
            self.out.append("> " * self.quoted)
            self.at_start = False
        self.out.append(s)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _SKIPPED:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "blockquote":
            self._break()
            if not self.quoted:
                self._break()
            self.quoted += 1
        elif tag == "br":
            self._break(blank=False)
        elif tag in ("ul", "ol"):
            self._break()
            self.lists.append(int(a.get("start") or 1) if tag == "ol" and (a.get("start") or "1").isdigit() else None)
        elif tag in ("p", "div") and self.item_opened:
            self.item_opened = False        # a list item's first paragraph: on its mark's line ("<li><p>Doe ...")
        elif tag in _BLOCKS:
            self._break(blank=tag not in ("li", "dd", "dt"))
            self.item_opened = tag == "li"
            if tag == "li":
                number = self.lists[-1] if self.lists else None
                if self.lists and number is not None:
                    self.lists[-1] = number + 1
                self._write(f"{number}. " if number is not None else "- ")
        if tag == "q":
            self._write("“")
        elif tag == "sup":
            self._write("<sup>")
        elif tag == "a":
            href, anchor = _unredirected(a.get("href", "")), a.get("id") or a.get("name") or ""
            anchor = anchor if anchor in self.targets else ""
            if href.startswith("#") or (anchor and not href):
                attrs_ = (f' href="{escape(href)}"' if href else "") + (f' id="{escape(anchor)}"' if anchor else "")
                self._write(f"<a{attrs_}>")
                self.links.append("</a>")
            elif href:
                self._write("[")
                self.links.append(f"]({href.replace(' ', '%20').replace(')', '%29')})")
            else:
                self.links.append(None)
        elif tag in ("td", "th") and not self.at_start:
            self._write(" ")
        if tag != "a" and a.get("id") in self.targets:
            # (only the ids a link points at: Notion gives every paragraph one)
            self._write(f'<a id="{escape(a["id"])}"></a>')

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img", "meta", "link", "input", "wbr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "q":
            self._write("”")
        elif tag == "sup":
            self._write("</sup>")
        elif tag == "a":
            closer = self.links.pop() if self.links else None
            if closer:
                self._write(closer)
        elif tag == "blockquote":
            self._break()
            self.quoted = max(0, self.quoted - 1)
            self._break()
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._break()
        elif tag in _BLOCKS:
            self._break(blank=tag not in ("li", "dd", "dt"))

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = _SPACE.sub(" ", data.replace("\xa0", " "))
        if text.strip():
            self.item_opened = False
        if text.strip() or not self.at_start:
            self._write(text)


def _unredirected(href: str) -> str:
    """A link as the page it leads to: Google Docs' "https://www.google.com/url?q=<the link>&sa=D"."""
    if "google." in href and "/url?" in href:
        q = parse_qs(urlsplit(href).query).get("q")
        if q and q[0].startswith(("http://", "https://")):
            return q[0]
    return href


def html_note_text(text: str) -> tuple[str, list[int]]:
    """A whole HTML document's text as a note writes it, and the document's line (1-based) of each of its
    lines (the first of each output line at index 0)."""
    reader = _Reader({unescape(t) for t in _TARGET.findall(text)})
    reader.feed(text)
    reader.close()
    out = "".join(reader.out).rstrip() + "\n"
    lines = reader.line_of[:out.count("\n")] or [1]
    return out, lines
