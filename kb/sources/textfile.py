"""Page text extracted elsewhere: when the PDF is not at hand but its text is.

Accepted: a JSON list of page strings; a JSON object with "pages" (a list of
strings); the WattBot/KohakuRAG JSON (sections[] of paragraphs, one section a
page); plain text with form feeds between pages (pdftotext's output).
"""

from __future__ import annotations

import json
import re

from kb.atomic import decode_saved, json_trouble, line_number, mend_surrogates, what_it_is
from kb.errors import FileFormatError

#: A JSON escape of half a UTF-16 pair with no other half: a first half ('\\ud83d') not followed
#: by a second, or a second ('\\ude00') not after a first.
_LONE_HALF = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                        r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def not_page_text(data: bytes) -> str | None:
    """What a file given as a paper's page text is instead, when it is plainly no text of pages: a PDF
    (read as text it was "not UTF-8", its text kb's own to extract), an HTML page (a saved sign-in or
    landing page: its markup was loaded as the paper's text), an archive, an image; None otherwise."""
    if b"%PDF-" in data[:1024]:
        return "a PDF"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    kind = what_it_is(data)
    if kind is None or kind in ("0 bytes", "JSON", "XML", "markup", "an HTML page") \
            or kind.startswith(("only white space", "a PDF")):
        return None
    return kind


def parse_text_source(data: bytes, name: str) -> list[str]:
    try:
        text = decode_saved(data)           # UTF-16 as a Windows editor saves it too
    except UnicodeDecodeError as exc:
        raise FileFormatError("is not UTF-8", path=name,
                              line=line_number(data, exc.start)) from None
    stripped = text.lstrip()
    # A file named .json is JSON: one that does not parse is refused, never read as plain text.
    if stripped.startswith(("[", "{")) or str(name).lower().endswith(".json"):
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FileFormatError(f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                                  path=name, line=exc.lineno) from None
        except RecursionError:
            raise FileFormatError("is not valid JSON kb can read: it nests arrays or objects too deep",
                                  path=name) from None
        except ValueError as exc:
            raise FileFormatError(f"is not valid JSON: {json_trouble(exc)}", path=name) from None
        if mend_surrogates(obj, text)[1]:
            at = _LONE_HALF.search(text)
            shown = at.group(0) if at else "\\ud800"
            raise FileFormatError(f"holds {shown}, half of a UTF-16 pair with no other half, which is no "
                                  "character: not text kb can store", path=name,
                                  line=text.count("\n", 0, at.start()) + 1 if at else None,
                                  hint="fix the tool that wrote it, or write the text itself (UTF-8)")
        pages = _pages_from_json(obj, name)
    else:
        pages = text.split("\f")
        if pages and not pages[-1].strip():
            pages.pop()
    if not pages:
        raise FileFormatError("holds no page text", path=name)
    return pages


def _pages_from_json(obj, name: str) -> list[str]:
    if isinstance(obj, list) and all(isinstance(p, str) for p in obj):
        return obj
    if isinstance(obj, dict):
        if isinstance(obj.get("pages"), list) and all(isinstance(p, str) for p in obj["pages"]):
            return obj["pages"]
        sections = obj.get("sections")
        if isinstance(sections, list):
            pages = []
            for section in sections:
                paragraphs = section.get("paragraphs", []) if isinstance(section, dict) else None
                if not isinstance(paragraphs, list):
                    break
                texts = [p.get("text", "") for p in paragraphs if isinstance(p, dict)
                         and (p.get("metadata") or {}).get("attachment_type") != "image"]
                pages.append("\n".join(t for t in texts if isinstance(t, str)))
            else:
                return pages
    raise FileFormatError("is JSON but not page text: expected a list of page strings, "
                          '{"pages": [...]}, or {"sections": [{"paragraphs": [{"text": ...}]}]}', path=name)
