"""The source cache: PDFs (and pre-extracted texts) stored by sha256.

Each source `<sha256>.<ext>` has a manifest `<sha256>.json` saying what it is
(arXiv id and version, DOI, where it came from, which paper uses it). With
references.bib and claims/, the cache is all `kb rebuild` needs.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kb.atomic import write_bytes


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

    def filed_versions(self) -> list[str]:
        """Every version this source is the text of: one page text loaded as v1 and again
        as v2 is one file, and `kb rebuild` gives both versions their text."""
        return [self.version] + [v for v in self.also_versions if v != self.version]


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
            data = json.loads(self.manifest_path(sha).read_text("utf-8"))
            return Manifest(**data)
        except (OSError, ValueError, TypeError):
            return None

    def read(self, manifest: Manifest) -> bytes:
        return self.path(manifest).read_bytes()

    def put(self, data: bytes, kind: str, ext: str, **info) -> Manifest:
        """Store `data` (idempotent) and merge `info` into its manifest."""
        sha = sha256(data)
        filename = f"{sha}.{ext}"
        target = self.folder / filename
        if not target.exists() or target.stat().st_size != len(data):
            write_bytes(target, data, self.tmp)
        manifest = self.get(sha) or Manifest(sha256=sha, kind=kind, filename=filename,
                                             added_at=time.time())
        if not manifest.citekeys and not info.get("citekeys"):
            # Cached before the writer lock (downloads and extraction run outside it):
            # `kb doctor --prune` must not take it for an orphan while this process lives.
            manifest.writer_pid = os.getpid()
        refiled = bool(set(manifest.citekeys) & set(info.get("citekeys") or ()))
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
        self.save(manifest)
        return manifest

    def save(self, manifest: Manifest) -> None:
        write_bytes(self.manifest_path(manifest.sha256),
                    json.dumps(asdict(manifest), indent=1).encode(), self.tmp)

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
