"""Small, real PDFs for tests, written byte by byte (no PDF library needed).

`make_pdf(pages)` lays out each page's lines in Helvetica; pypdf extracts them
back. Options produce the broken PDFs kb must refuse: encrypted, truncated,
image-only (no text), and a decompression bomb.
"""

from __future__ import annotations

import base64
import zlib


def assemble(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file of `objects` (object 1 is the catalog): header, bodies, xref, trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(lines: list[str]) -> bytes:
    out = ["BT", "/F1 10 Tf", "12 TL", "50 780 Td"]
    for line in lines:
        out.append(f"({_escape(line)}) Tj T*")
    out.append("ET")
    return "\n".join(out).encode("latin-1", errors="replace")


def make_pdf(pages: list[list[str]] | list[str], *, title: str | None = None, author: str | None = None,
             compress: bool = True, extra_stream: bytes | None = None, encrypt: bool = False) -> bytes:
    """A PDF whose page i shows pages[i] (a list of lines, or a string split on newlines)."""
    page_lines = [p.splitlines() if isinstance(p, str) else list(p) for p in pages]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")          # 1, filled later
    pages_obj = add(b"")        # 2
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in page_lines:
        data = _content(lines)
        if compress:
            data = zlib.compress(data)
            stream = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        else:
            stream = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        page = add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> "
                   b"/Contents %d 0 R >>" % (font, stream))
        kids.append(page)
    if extra_stream is not None:
        add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(extra_stream) + extra_stream + b"\nendstream")
    objects[catalog - 1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    info = None
    if title or author:
        parts = []
        if title:
            parts.append(b"/Title (" + _escape(title).encode("latin-1") + b")")
        if author:
            parts.append(b"/Author (" + _escape(author).encode("latin-1") + b")")
        info = add(b"<< " + b" ".join(parts) + b" >>")
    encrypt_obj = None
    if encrypt:
        # A standard-security-handler dictionary whose user password is not empty:
        # readers cannot decrypt it without the password.
        encrypt_obj = add(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <" + b"11" * 32
                          + b"> /P -4 >>")
    trailer = b""
    if info:
        trailer += b" /Info %d 0 R" % info
    if encrypt_obj:
        trailer += b" /Encrypt %d 0 R /ID [<" % encrypt_obj + b"ab" * 16 + b"> <" + b"ab" * 16 + b">]"
    return assemble(objects, trailer)


def make_image_only_pdf(pages: int = 2) -> bytes:
    """Pages with no text operators at all, as a scan would be."""
    return make_pdf([[] for _ in range(pages)])


def make_bomb_pdf(megabytes: int = 200, lines: list[str] | None = None, layers: int = 1,
                  early_end: bool = False, length_as_object: bool = False, ascii: str | None = None,
                  image: str | None = None, filters_as_object: bool = False, contents_as: str | None = None) -> bytes:
    """A page whose content stream decompresses to `megabytes` MB of spaces, then `lines` of text;
    `layers` times Flate-compressed (/Filter [/FlateDecode /FlateDecode] for two: each layer
    shrinks it again, so the file gets tiny). `early_end`: the Deflate data starts with a
    stored block printing "endstream" (Deflate may store any bytes), so the stream seems to end
    a few bytes in to a reader looking for the keyword; readers take its /Length, which
    `length_as_object` gives as a reference to an object of its own. `ascii` ("hex", "85"): the
    compressed bytes are written in ASCII with that filter before Flate's. `image`: the bomb is
    an image, "xobject" one the page draws (its text is in a content stream of its own), or
    "contents" the page's content stream itself, whose dictionary says it is an image.
    `filters_as_object`: the stream's /Filter is a reference to its array of filters.
    `contents_as` ("array", "objstm"): the page's /Contents names an array of its one content
    stream kept as an object of its own (object 9), or held in an object stream (object 9
    holds object 11; the file's xref table does not list it, so only kb's stream check reads it)."""
    text = "BT /F1 10 Tf 12 TL 50 760 Td " + " ".join(
        f"({_escape(line)}) Tj T*" for line in (lines or ["after the bomb"])) + " ET"
    if early_end:
        stored = b"\nendstream\nendobj\n"
        raw = zlib.compressobj(9, zlib.DEFLATED, -15)
        body = b"".join(raw.compress(b" " * (1 << 20)) for _ in range(megabytes))
        body += raw.compress(text.encode("latin-1")) + raw.flush()
        adler = zlib.adler32(b" " * (megabytes << 20), zlib.adler32(stored))
        adler = zlib.adler32(text.encode("latin-1"), adler)
        data = (b"\x78\xda\x00" + len(stored).to_bytes(2, "little") + (0xFFFF ^ len(stored)).to_bytes(2, "little")
                + stored + body + adler.to_bytes(4, "big"))
    else:
        comp = zlib.compressobj(9)
        chunk = b" " * (1 << 20)
        data = b"".join(comp.compress(chunk) for _ in range(megabytes))
        data += comp.compress(text.encode("latin-1")) + comp.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    names = [b"/FlateDecode"] * layers
    if ascii == "hex":
        data, names = data.hex().encode() + b">", [b"/ASCIIHexDecode"] + names
    elif ascii == "85":
        data, names = base64.a85encode(data) + b"~>", [b"/A85"] + names
    filters = names[0] if len(names) == 1 else b"[" + b" ".join(names) + b"]"
    kind = b" /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8" if image else b""
    bomb = (b"<< /Length %s /Filter %s%s >>\nstream\n" % (b"6 0 R" if length_as_object else b"%d" % len(data),
                                                          b"8 0 R" if filters_as_object else filters, kind)
            + data + b"\nendstream")
    drawn = b"q 1 0 0 1 0 0 cm /Im1 Do Q " + text.encode("latin-1")
    content = b"7 0 R" if image == "xobject" else b"4 0 R"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %s "
        b"/Resources << /Font << /F1 5 0 R >>%s >> >>" % ({"array": b"9 0 R", "objstm": b"11 0 R"}.get(contents_as,
                                                                                                  content),
                                                         b" /XObject << /Im1 4 0 R >>" if image == "xobject" else b""),
        bomb,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"%d" % len(data),
        b"<< /Length %d >>\nstream\n" % len(drawn) + drawn + b"\nendstream",
        b"[" + b" ".join(names) + b"]",
    ]
    if contents_as == "array":
        objects.append(b"[" + content + b"]")
    elif contents_as == "objstm":
        held = zlib.compress(b"11 0 [" + content + b"]")
        objects.append(b"<< /Type /ObjStm /N 1 /First 5 /Length %d /Filter /FlateDecode >>\nstream\n" % len(held)
                       + held + b"\nendstream")
    return assemble(objects)


def make_font_bomb_pdf(megabytes: int, line: str) -> bytes:
    """A page of `line` in a TrueType font whose program, `megabytes` MB of spaces Flate-compressed,
    says it is an image: PDFium decodes a font's program to read the page's text all the same."""
    comp = zlib.compressobj(9)
    data = b"".join(comp.compress(b" " * (1 << 20)) for _ in range(megabytes)) + comp.flush()
    text = f"BT /F1 10 Tf 50 760 Td ({_escape(line)}) Tj ET".encode("latin-1")
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Xyz /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Xyz /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>",
        b"<< /Length %d /Filter /FlateDecode /Subtype /Image /Width 1 /Height 1 >>\nstream\n" % len(data)
        + data + b"\nendstream",
    ])


def make_nested_forms_pdf(levels: int, fan: int = 10) -> bytes:
    """A page of one line of text that draws a form drawing another form `fan` times, and so on
    `levels` deep: fan ** (levels - 1) drawings of a word, from a file of 2 KB (10 and 5: 10,000)."""
    first = 6
    content = (b"BT /F1 10 Tf 50 760 Td (Energy use of training large models is measured here) Tj ET /X0 Do")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X0 %d 0 R >> >> >>" % first,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for level in range(levels):
        if level < levels - 1:
            body, resources = b" ".join([b"/X Do"] * fan), b"<< /XObject << /X %d 0 R >> >>" % (first + level + 1)
        else:
            body, resources = b"BT /F1 1 Tf 0 0 Td (ab) Tj ET", b"<< /Font << /F1 5 0 R >> >>"
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s /Length %d >>\n"
                       b"stream\n" % (resources, len(body)) + body + b"\nendstream")
    return assemble(objects)


def make_many_pages_pdf(count: int) -> bytes:
    """`count` pages sharing one tiny content stream (a cheap 100,000-page PDF)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Length 0 >>\nstream\n\nendstream"]
    first_page = len(objects) + 1
    kids = []
    for i in range(count):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>")
        kids.append(first_page + i)
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % count
    return assemble(objects)


def make_inline_image_pdf(megabytes: float, lines: list[str] | None = None, filters: str = "/Fl",
                          content_filter: bool = False, split: bool = False, in_form: bool = False) -> bytes:
    """A page whose content draws an inline image (BI … ID … EI) whose data, `megabytes` MB
    of zero bytes, is written under `filters` ("/Fl", "[/A85 /Fl]", "/LZW", or "" for none),
    then `lines` of text. `content_filter`: the content stream is itself Flate-compressed.
    `split`: the page's content is two streams, the image's data cut between them.
    `in_form`: the image and text are in a form the page draws, whose dictionary also
    carries a font program's /Length1."""
    raw = b"\0" * int(megabytes * (1 << 20))
    side = max(1, int(len(raw) ** 0.5))
    if "Fl" in filters:
        data = zlib.compress(raw, 9)
    elif "LZW" in filters:
        data = b"\x80" * (len(raw) // 4096 + 1)     # not real LZW: kb bounds it by its length
    else:
        data = raw
    if "A85" in filters:
        data = base64.a85encode(data) + b"~>"
    named = b" /F %s" % filters.encode() if filters else b""
    text = "BT /F1 10 Tf 12 TL 50 760 Td " + " ".join(
        f"({_escape(line)}) Tj T*" for line in (lines or ["after the image"])) + " ET"
    content = (b"q 10 0 0 10 0 0 cm BI /W %d /H %d /BPC 8 /CS /G%s ID\n" % (side, side, named) + data
               + b"\nEI Q " + text.encode("latin-1"))
    parts = [content[:len(content) // 2], content[len(content) // 2:]] if split else [content]
    if in_form:
        return assemble([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >> >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length 8 >>\nstream\n/Fm1 Do\nendstream",
            b"<< /Type /XObject /Subtype /Form /Length1 0 /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ])
    streams = []
    for part in parts:
        if content_filter:
            part = zlib.compress(part, 9)
        streams.append(b"<< /Length %d%s >>\nstream\n" % (len(part), b" /Filter /FlateDecode" if content_filter else b"")
                       + part + b"\nendstream")
    return page_of_streams(streams)


def make_many_characters_pdf(characters: int, line: str = "a line before them", layers: int = 1) -> bytes:
    """A page of `line`, then `characters` characters shown 30 at a time: a few kilobytes of
    Flate that PDFium reads into about 300 bytes of memory a character (and pypdf in about
    3 s a million, 17 s three million). Compressed in `layers` layers of Flate: past four,
    kb does not bound it for PDFium and gives it to pypdf."""
    data = (f"BT /F1 10 Tf 12 TL 50 760 Td ({_escape(line)}) Tj T* ".encode("latin-1")
            + b"(xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) Tj " * (characters // 30) + b"ET")
    for _ in range(layers):
        data = zlib.compress(data, 9)
    filters = b"/FlateDecode" if layers == 1 else b"[" + b" ".join([b"/FlateDecode"] * layers) + b"]"
    return page_of_streams([b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data
                            + b"\nendstream"])


def make_updated_pdf(before: list[str], after: list[str], *, xref_broken: bool = False) -> bytes:
    """A one-page PDF showing `before`, then an update appended to it (as an editor saves a
    correction) whose content stream shows `after`; with `xref_broken`, the update's
    cross-reference entry points a few bytes off, so readers must look for the object."""
    import re

    first = make_pdf([before], compress=False)       # objects: 1 catalog, 2 pages, 3 font, 4 content, 5 page
    prev = int(re.search(rb"startxref\n(\d+)", first).group(1))
    data = _content(after)
    at = len(first)
    body = b"4 0 obj\n<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream\nendobj\n"
    xref = at + len(body)
    return (first + body + b"xref\n0 1\n0000000000 65535 f \n4 1\n%010d 00000 n \n" % (at + 13 * xref_broken)
            + b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref))


def make_looping_tree_pdf(pages: list[list[str]], loop: str = "self") -> bytes:
    """A PDF of `pages` whose page tree holds a loop: its root lists itself among its /Kids
    after the pages ("self"), or lists only itself ("only"); or, after the pages, an object
    that is no page, its font ("font"); or the pages sit under a node of their own whose
    /Kids lead back to the root after them ("parent"); or the first page is listed again
    after the pages ("twice"). /Count counts that entry as a page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    parent = b"2 0 R"
    if loop == "parent":
        objects.append(b"")                 # 4: the node the pages are under
        parent = b"4 0 R"
    kids = []
    for lines in pages:
        data = _content(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent %s /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (parent, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    count = len(kids) + (loop != "only")
    if loop == "parent":
        objects[3] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s 2 0 R] /Count %d >>" % (b" ".join(kids), count)
    kids = {"self": kids + [b"2 0 R"], "only": [b"2 0 R"], "font": kids + [b"3 0 R"], "parent": [b"4 0 R"],
            "twice": kids + kids[:1]}[loop]
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), count)
    return assemble(objects)


def page_of_streams(streams: list[bytes]) -> bytes:
    """A one-page PDF whose content is `streams` (whole stream objects, in order), with
    Helvetica as /F1."""
    refs = b" ".join(b"%d 0 R" % (5 + i) for i in range(len(streams)))
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [%s] "
        b"/Resources << /Font << /F1 4 0 R >> >> >>" % refs,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *streams,
    ])


def past_pdfiums_memory_and_good(folder) -> list:
    """Two PDFs written in `folder`: many.pdf, whose one page PDFium reads past a 10 MB
    memory limit (KB_MAX_EXTRACT_MB=10), and good.pdf, two pages of text."""
    files = []
    for name, data in [("many", make_many_characters_pdf(150_000)),
                       ("good", make_pdf(["Energy use of training a model, measured in megawatt hours."] * 2, title="Energy use of training a model"))]:
        files.append(folder / f"{name}.pdf")
        files[-1].write_bytes(data)
    return files


def make_linearized_pdf(pages: list[list[str]] | list[str]) -> bytes:
    """A PDF of `pages` laid out as a linearized one ("fast web view") is: its linearization dictionary
    (the file's length /L, where its main cross-reference table begins /T) and the first page's own table,
    trailer and %%EOF come first, then the first page, then the other pages and their table, and a second
    %%EOF. Numbers are written 10 digits wide, so each is known before the bytes around it."""
    page_lines = [p.splitlines() if isinstance(p, str) else list(p) for p in pages]
    objects: dict[int, bytes] = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    kids = []
    for i, lines in enumerate(page_lines):
        data = zlib.compress(_content(lines))
        content, page = 4 + 2 * i, 5 + 2 * i
        objects[content] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                         b">> /Contents %d 0 R >>" % content)
        kids.append(page)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    last = max(objects)
    lin = last + 1
    first = [1, 2, 3, 4, 5]
    rest = [n for n in sorted(objects) if n not in first]

    def build(length: int, main: int, first_xref: int) -> tuple[bytes, int, int]:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {lin: len(out)}
        out += (b"%d 0 obj\n<< /Linearized 1 /L %010d /H [ 0 0 ] /O 5 /E 0000000000 /N %d /T %010d >>\nendobj\n"
                % (lin, length, len(kids), main))
        table = len(out)
        body = bytearray()
        at = table + len(b"xref\n1 5\n") + 5 * 20 + len(b"%d 1\n" % lin) + 20
        trailer = b"trailer\n<< /Size %d /Root 1 0 R /Prev %010d >>\nstartxref\n0\n%%%%EOF\n" % (lin + 1, main)
        at += len(trailer)
        for n in first:
            offsets[n] = at + len(body)
            body += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
        out += b"xref\n1 5\n" + b"".join(b"%010d 00000 n \n" % offsets[n] for n in first)
        out += b"%d 1\n%010d 00000 n \n" % (lin, offsets[lin]) + trailer + body
        for n in rest:
            offsets[n] = len(out)
            out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
        main_at = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \n"
        if rest:
            out += b"%d %d\n" % (rest[0], len(rest)) + b"".join(b"%010d 00000 n \n" % offsets[n] for n in rest)
        out += b"trailer\n<< /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (lin + 1, table)
        return bytes(out), main_at, table

    data, main, table = build(0, 0, 0)
    data, main2, _ = build(len(data), main, table)
    assert main2 == main and len(data) == len(build(len(data), main, table)[0])
    return data


def make_missing_contents_pdf(pages: list[list[str]], contents: dict[int, bytes]) -> bytes:
    """A PDF of `pages` (Helvetica, one content stream each, objects 4, 6, 8, ...) whose page i
    (from 0) has `contents[i]` written as its /Contents value instead: '99 0 R' (an object the
    file does not hold), '[4 0 R 99 0 R]', 'null', '[]', and so on; b"" leaves /Contents out."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for i, lines in enumerate(pages):
        data = _content(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        own = contents.get(i, b"%d 0 R" % len(objects))
        entry = b" /Contents " + own if own else b""
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]%s "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % entry)
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return assemble(objects)


#: ToUnicode maps that give garbage for a Latin font's printable codes: private-use characters, CJK ideographs, one
#: glyph for every code, the letters shifted by a constant (+1: 'Uif'; -29: '7KH' for 'The').
_MAPS = {"pua": lambda c: 0xE000 + c, "cjk": lambda c: 0x4E00 + c, "one": lambda c: 0x25A0,
         "shift1": lambda c: c + 1, "shift-29": lambda c: c - 29 if c - 29 > 0x20 else c}


def make_broken_tounicode_pdf(pages: list[list[str]], broken: set[int], cmap: str = "fffd") -> bytes:
    """A PDF whose pages in `broken` (0-based) show their lines in a font whose ToUnicode map is broken: "fffd" maps
    every printable code to U+FFFD, the replacement character; "pua", "cjk", "one", "shift1", "shift-29" as _MAPS
    says; "garbage" is no CMap at all (extractors fall back to the font's encoding); the other pages use a plain
    Helvetica."""
    if cmap == "fffd":
        chars = b"".join(b"<%02X> <FFFD>\n" % c for c in range(0x20, 0x7F))
        data = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def\n"
                b"1 begincodespacerange <00> <FF> endcodespacerange\n95 beginbfchar\n" + chars
                + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    elif cmap in _MAPS:
        chars = b"".join(b"<%02X> <%04X>\n" % (c, _MAPS[cmap](c)) for c in range(0x21, 0x7F))
        data = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def\n"
                b"1 begincodespacerange <00> <FF> endcodespacerange\n94 beginbfchar\n" + chars
                + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    else:
        data = b"\x00\xff not a CMap ((( <<<< beginbfrange <zz> endbfrange"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for i, lines in enumerate(pages):
        content = _content(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> "
                       b">> /Contents %d 0 R >>" % (3 if i in broken else 5, len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    return assemble(objects)


def make_crafted_objstm_pdf(kind: str) -> bytes:
    """A one-page PDF (Helvetica, 'Hello world of the page text here') whose page tree node, object 2, is in an object
    stream (object 5) read through an xref stream (object 8), crafted as `kind` says: "plain" (sound); "self" (the
    object stream lists itself among its objects, the xref placing object 5 inside object 5); "inner" (object 2 is
    only '5 0 R', naming the stream it sits in); "chain" (object 2 is '7 0 R', object 7 '2 0 R': references naming
    each other); "prev" (the xref stream's /Prev is its own offset)."""
    content = b"BT /F1 12 Tf 72 720 Td (Hello world of the page text here) Tj ET"
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 6 0 R >> >> >>",
            4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    members = {"self": [(2, pages), (5, pages)], "inner": [(2, b"5 0 R")],
               "chain": [(2, b"7 0 R"), (7, b"2 0 R")]}.get(kind, [(2, pages)])
    table, body = [], b""
    for n, value in members:
        table.append(b"%d %d" % (n, len(body)))
        body += value + b"\n"
    header = b" ".join(table) + b"\n"
    objs[5] = (b"<< /Type /ObjStm /N %d /First %d /Length %d >>\nstream\n" % (len(members), len(header),
                                                                            len(header + body))
               + header + body + b"\nendstream")
    out = b"%PDF-1.5\n"
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref_at, inside = len(out), [n for n, _ in members]
    offsets[8] = xref_at
    rows = b""
    for n in range(9):
        if n in inside:
            rows += bytes([2]) + (5).to_bytes(4, "big") + bytes([inside.index(n)])
        elif n in offsets:
            rows += bytes([1]) + offsets[n].to_bytes(4, "big") + bytes([0])
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + bytes([255 if n == 0 else 0])
    prev = b" /Prev %d" % xref_at if kind == "prev" else b""
    out += (b"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 1] /Root 1 0 R /Length %d%s >>\nstream\n" % (len(rows), prev)
            + rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return out


def make_obj_keywords_pdf(megabytes: int) -> bytes:
    """`megabytes` of '1 0 obj' lines and a startxref pointing nowhere: pypdf and PDFium rebuild the cross-reference
    table by scanning every one of them."""
    chunk = b"1 0 obj\n" * 1000
    return (b"%PDF-1.4\n" + chunk * (megabytes * 1024 * 1024 // len(chunk))
            + b"trailer\n<< /Root 1 0 R >>\nstartxref\n999999999\n%%EOF\n")


def make_mapped_text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF that prints `pages` (lines of any Unicode text: real Chinese) in a one-byte font whose ToUnicode map
    gives each code the character it stands for, codes given in the order the characters first appear."""
    codes: dict[str, int] = {}
    for lines in pages:
        for ch in "".join(lines):
            if ch not in codes:
                codes[ch] = 0x21 + len(codes)
    assert len(codes) <= 0xFE - 0x21, "too many distinct characters for a one-byte font"
    chars = b"".join(b"<%02X> <%04X>\n" % (code, ord(ch)) for ch, code in codes.items())
    data = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Mapped def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n" % len(codes) + chars
            + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"]
    kids = []
    for lines in pages:
        out = [b"BT", b"/F1 10 Tf", b"12 TL", b"50 780 Td"]
        for line in lines:
            out.append(b"<" + b"".join(b"%02X" % codes[ch] for ch in line) + b"> Tj T*")
        content = b"\n".join(out + [b"ET"])
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       b">> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    return assemble(objects)
