"""The source cache: PDFs (and pre-extracted texts) stored by sha256.

Each source `<sha256>.<ext>` has a manifest `<sha256>.json` saying what it is
(arXiv id and version, DOI, where it came from, which paper uses it). With
references.bib and claims/, the cache is all `kb rebuild` needs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from kb.atomic import path_as_text, read_json, write_bytes
from kb.errors import FileFormatError


@dataclass
class Manifest:
    sha256: str
    kind: str                         # pdf | text
    filename: str                     # <sha>.pdf / <sha>.json
    citekeys: list[str] = field(default_factory=list)
    arxiv_id: str | None = None
    version: str = ""                 # 'v3' or ''
    doi: str | None = None
    source_url: str | None = None     # where it was downloaded from, or the local path given
    origin: str = ""                  # arxiv | doi | pdf | text
    metadata_complete: bool = True
    extractor: str | None = None      # for kind=text: who extracted it
    title: str | None = None          # normalised title of the paper it was filed under
    added_at: float = 0.0
    writer_pid: int | None = None     # the kb process that cached it and has not filed it yet
    also_versions: list[str] = field(default_factory=list)  # other versions it is the text of
    #: The same bytes filed under another paper too (one page text loaded into two papers):
    #: what each earlier paper was filed as (_IDENTITY), the fields above being the newest's.
    identities: dict[str, dict] = field(default_factory=dict)
    #: A page text kb rebuild made of a cached PDF deleted by hand (rebuild._remake_sources): that PDF's
    #: file name, which kb show says is gone (its text kept, the PDF itself not).
    pdf_gone: str | None = None
    #: The papers kb rm removed that it was filed under: kb doctor says a source of no paper is theirs,
    #: not debris of a kb add that did not finish.
    removed_from: list[str] = field(default_factory=list)

    def gone_said(self) -> str | None:
        """What every command listing problems (kb show, kb doctor, kb open) says of a page text
        kb rebuild kept of a cached PDF deleted by hand (`pdf_gone`), in one wording; None for
        any other source."""
        if self.kind != "text" or not self.pdf_gone:
            return None
        return (f"its PDF {self.pdf_gone} was deleted from the cache by hand; kb rebuild kept its text, which quotes "
                "are checked against (kb open has no PDF to open): kb add the PDF again to have it")

    def filed_as(self, citekey: str | None = None) -> "Manifest":
        """This source as filed under `citekey`: its identity (arXiv id, DOI, title) and
        versions are that paper's when the bytes are filed under several papers."""
        held = self.identities.get(citekey) if citekey is not None else None
        if not held:
            return self
        return replace(self, **{k: held.get(k, getattr(self, k)) for k in _IDENTITY}, identities={})

    def filed_versions(self, citekey: str | None = None) -> list[str]:
        """Every version this source is the text of (for `citekey`): one page text loaded
        as v1 and again as v2 is one file, and `kb rebuild` gives both versions their text."""
        m = self.filed_as(citekey)
        return [m.version] + [v for v in m.also_versions if v != m.version]


_IDENTITY = ("arxiv_id", "doi", "title", "version", "also_versions")
_FIELDS = frozenset(Manifest.__dataclass_fields__)
#: A cached source's file name: its sha256 and an extension.
_SOURCE_NAME = re.compile(r"^[0-9a-f]{64}\.[a-z]{2,5}$")


#: The last bytes hashed and their digest: one PDF is asked for its digest several times on
#: its way in (already attached? its manifest, its cache file, filed under its paper), and a
#: bytes object never changes, so the same object is hashed once (4 ms a paper of a bulk
#: import's one writer, for PDFs of a megabyte).
_last: tuple[bytes, str] | None = None


def sha256(data: bytes) -> str:
    global _last
    held = _last
    if held is not None and held[0] is data:
        return held[1]
    digest = hashlib.sha256(data).hexdigest()
    if type(data) is bytes:             # immutable: the same object, the same digest
        _last = (data, digest)
    return digest


class SourceCache:
    def __init__(self, folder: Path, tmp: Path):
        self.folder = Path(folder)
        self.tmp = Path(tmp)

    def path(self, manifest: Manifest) -> Path:
        return self.folder / manifest.filename

    def manifest_path(self, sha: str) -> Path:
        return self.folder / f"{sha}.json"

    def get(self, sha: str) -> Manifest | None:
        try:
            data = read_json(self.manifest_path(sha).read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("source_url"), str):
                data["source_url"] = path_as_text(data["source_url"])     # as an older kb kept it
            if isinstance(data, dict):      # a field a newer kb writes: its own, never a reason to unread the rest
                data = {k: v for k, v in data.items() if k in _FIELDS}
            return Manifest(**data)
        except (OSError, ValueError, TypeError):
            return None

    def sound(self, sha: str) -> Manifest | None:
        """The manifest of `sha` when it reads as one kb wrote: of these bytes, naming a source
        file of them (`<sha>.<ext>`); None when it cannot be read so (emptied, cut short, of
        another shape, edited by hand)."""
        m = self.get(sha)
        if m is None or not isinstance(m, Manifest) or m.sha256 != sha or not isinstance(m.filename, str) \
                or not _SOURCE_NAME.match(m.filename) or not m.filename.startswith(sha):
            return None
        return m

    def held(self, sha: str) -> Path | None:
        """The source file of `sha` in the cache (`<sha>.<ext>`, not its manifest), if there is one."""
        return next((p for p in sorted(self.folder.glob(f"{sha}.*"))
                     if p.suffix != ".json" and _SOURCE_NAME.match(p.name)), None)

    def read(self, manifest: Manifest) -> bytes:
        """The bytes of a cached source, refused (FileFormatError) when they are not the bytes
        its sha256 names: a file replaced by hand with another paper's PDF under the same name
        was read as this paper's text, and a quote of that other paper verified in it."""
        data = self.path(manifest).read_bytes()
        if sha256(data) != manifest.sha256:
            raise FileFormatError(f"its cached source {manifest.filename} does not match its sha256 (replaced or "
                                  f"damaged by hand): its bytes are not those kb cached, and are not read as its text",
                                  hint="kb doctor --prune, then kb add the PDF again")
        return data

    def store(self, data: bytes, ext: str, sha: str | None = None) -> str:
        """Write `data` into the cache unless it holds them (idempotent), without a
        manifest (put writes it); its sha256. A file of no manifest is kb doctor's to
        report, and --prune's to remove once it is older than a running add could be."""
        sha = sha or sha256(data)
        target = self.folder / f"{sha}.{ext}"
        if not target.exists() or target.stat().st_size != len(data):
            write_bytes(target, data, self.tmp)
        return sha

    def discard_unfiled(self, data: bytes, ext: str) -> None:
        """Remove `data` as `store` wrote it when no manifest files it: a PDF cached while it
        was read, then refused (kb add of one no extractor can read), is no orphan for kb
        doctor to report; so is the manifest `put` wrote for it in this process (a PDF refused
        once its text was weighed). Bytes a manifest files (kept before, another paper's) stay."""
        sha = sha256(data)
        held = self.get(sha)
        if held is not None and not held.citekeys and held.writer_pid == os.getpid():
            with contextlib.suppress(OSError):
                self.manifest_path(sha).unlink()
            held = None
        if held is None and not self.manifest_path(sha).exists():
            with contextlib.suppress(OSError):
                (self.folder / f"{sha}.{ext}").unlink()

    def put(self, data: bytes, kind: str, ext: str, **info) -> Manifest:
        """Store `data` (idempotent) and merge `info` into its manifest."""
        if isinstance(info.get("source_url"), str):
            info["source_url"] = path_as_text(info["source_url"])
        sha = self.store(data, ext)
        filename = f"{sha}.{ext}"
        manifest = self.get(sha) or Manifest(sha256=sha, kind=kind, filename=filename,
                                             added_at=time.time())
        guard = not manifest.citekeys and not info.get("citekeys")
        if guard:
            # Cached before the writer lock (downloads and extraction run outside it):
            # `kb doctor --prune` must not take it for an orphan while this process lives.
            manifest.writer_pid = os.getpid()
        filing = list(info.get("citekeys") or ())
        self._make_main(manifest, filing, info)
        refiled = bool(set(manifest.citekeys) & set(filing))
        for key, value in info.items():
            if key == "citekeys":
                for c in value:
                    if c not in manifest.citekeys:
                        manifest.citekeys.append(c)
            elif key == "version" and refiled and value is not None and value != manifest.version:
                # The same bytes filed as another version of a paper: both stay its text.
                if manifest.version not in manifest.also_versions:
                    manifest.also_versions.append(manifest.version)
                if value in manifest.also_versions:
                    manifest.also_versions.remove(value)
                manifest.version = value
            elif value not in (None, ""):
                setattr(manifest, key, value)
        # A guard counts only while this process lives: after a crash, the manifest a power
        # cut lost and the one of a dead writer both mean a file of no paper. Its write need
        # not wait on the disk; filing the source (the next save, before references.bib
        # changes) does.
        self.save(manifest, durable=not guard)
        return manifest

    @staticmethod
    def _make_main(manifest: Manifest, filing: list[str], info: dict) -> None:
        """Bytes filed under another paper than those they are filed under already (one page
        text loaded into two papers): each earlier paper keeps what it was filed as in
        `identities`, and the manifest's own fields become this paper's (none of the other's
        identifiers or versions). Filed again under an earlier paper: that one's, back."""
        if not filing or not manifest.citekeys:
            return
        target = filing[0]
        if target in manifest.citekeys and target not in manifest.identities:
            return                                  # the paper the fields are already
        held = {k: list(getattr(manifest, k)) if k == "also_versions" else getattr(manifest, k) for k in _IDENTITY}
        for c in manifest.citekeys:
            if c != target and c not in manifest.identities:
                manifest.identities[c] = held
        back = manifest.identities.pop(target, None)
        for k in _IDENTITY:
            if back is not None:
                setattr(manifest, k, back.get(k, [] if k == "also_versions" else None))
            else:
                setattr(manifest, k, [] if k == "also_versions" else info.get(k, "" if k == "version" else None))

    def save(self, manifest: Manifest, *, durable: bool = True) -> None:
        write_bytes(self.manifest_path(manifest.sha256),
                    json.dumps(asdict(manifest), indent=1).encode(), self.tmp, durable=durable)

    def all(self) -> list[Manifest]:
        out = []
        if not self.folder.is_dir():
            return out
        for path in sorted(self.folder.glob("*.json")):
            m = self.get(path.stem)
            if m:
                out.append(m)
        return out

    def find(self, *, arxiv_id: str | None = None, version: str | None = None,
             citekey: str | None = None) -> list[Manifest]:
        out = []
        for m in self.all():
            if arxiv_id and m.arxiv_id == arxiv_id and (version is None or m.version == version):
                out.append(m)
            elif citekey and citekey in m.citekeys and (version is None or m.version == version):
                out.append(m)
        return out

    def outlived(self, named: set[str], pdf_name: str | None = None,
                 among: Iterable[str] | None = None) -> list[Manifest]:
        """The page texts kb rebuild kept of a PDF deleted by hand (Manifest.pdf_gone) that the
        PDF has outlived: that PDF is back in the cache (kb add) and nothing names the page text
        any more (`named`: every sha256 the index's versions hold, or those of `among`). Only such
        a file is safe to delete: one a version still reads, or whose PDF is still gone, is kept.
        `pdf_name`: of that PDF alone. `among`: only these sources looked at (kb add: the ones the
        add replaced), where every page text in the cache is otherwise (kb doctor: a cache of
        10,000 papers holds as many manifests, a second to read)."""
        out = []
        shas = sorted(among) if among is not None else [path.stem for path in sorted(self.folder.glob("*.pages"))]
        for sha in shas:
            m = self.sound(sha)
            if m is None or m.kind != "text" or not m.pdf_gone or m.sha256 in named or m.writer_pid:
                continue
            if pdf_name is not None and m.pdf_gone != pdf_name:
                continue
            back = self.sound(m.pdf_gone.split(".")[0])
            if back is not None and back.kind == "pdf" and back.filename == m.pdf_gone and self.path(back).is_file():
                out.append(m)
        return out

    def verify(self, manifest: Manifest) -> str | None:
        """None when the file matches its sha256, else what is wrong."""
        path = self.path(manifest)
        if not path.is_file():
            return f"{path.name} is missing"
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != manifest.sha256:
            return f"{path.name} does not match its sha256 (corrupted)"
        return None
