"""An arXiv stand-in for the local test server: the export API and PDFs.

Feeds are either real recorded responses (../shared/corpus/arxiv-api/) or
written here in arXiv's 2025+ Atom format; PDFs come from tests/pdfgen.py or
the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from httpserver import LocalServer, Reply, Seen


def atom_entry(arxiv_id: str, version: int, title: str, authors: list[str], published: str = "2023-11-28",
               primary: str = "cs.LG", doi: str | None = None, summary: str = "An abstract.") -> str:
    doi_xml = f"\n    <arxiv:doi>{escape(doi)}</arxiv:doi>" if doi else ""
    author_xml = "".join(f"\n    <author>\n      <name>{escape(a)}</name>\n    </author>" for a in authors)
    return f"""  <entry>
    <id>http://arxiv.org/abs/{arxiv_id}v{version}</id>
    <title>{escape(title)}</title>
    <updated>{published}T10:00:00Z</updated>
    <link href="https://arxiv.org/abs/{arxiv_id}v{version}" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/{arxiv_id}v{version}" rel="related" type="application/pdf" title="pdf"/>
    <summary>{escape(summary)}</summary>
    <category term="{primary}" scheme="http://arxiv.org/schemas/atom"/>
    <published>{published}T10:00:00Z</published>
    <arxiv:primary_category term="{primary}"/>{doi_xml}{author_xml}
  </entry>
"""


def atom_feed(entries: list[str]) -> bytes:
    return ("""<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query</title>
  <updated>2026-04-12T22:09:25Z</updated>
  <opensearch:itemsPerPage>100</opensearch:itemsPerPage>
  <opensearch:totalResults>%d</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
%s</feed>
""" % (len(entries), "".join(entries))).encode()


@dataclass
class FakeArxiv:
    """Papers by id: each has versions {n: (title, pdf bytes)}; feeds may be raw bytes."""

    server: LocalServer
    papers: dict[str, dict] = field(default_factory=dict)
    raw_feeds: dict[str, tuple[int, bytes]] = field(default_factory=dict)

    def __post_init__(self):
        self.server.routes["/api/query"] = self._query
        self.server.routes["*"] = self._other

    def add(self, arxiv_id: str, versions: dict[int, bytes], title: str, authors: list[str],
            published: str = "2023-11-28", doi: str | None = None, primary: str = "cs.LG") -> None:
        self.papers[arxiv_id] = dict(versions=versions, title=title, authors=authors,
                                     published=published, doi=doi, primary=primary)

    def feed(self, id_list: str, status: int, body: bytes) -> None:
        self.raw_feeds[id_list] = (status, body)

    def _query(self, seen: Seen) -> Reply:
        id_list = (seen.query.get("id_list") or [""])[0]
        if id_list in self.raw_feeds:
            status, body = self.raw_feeds[id_list]
            return Reply(status, body, {"Content-Type": "application/atom+xml"})
        m = re.match(r"^(.*?)(?:v(\d+))?$", id_list)
        base, v = m.group(1), m.group(2)
        paper = self.papers.get(base)
        if paper is None:
            return Reply(200, atom_feed([]), {"Content-Type": "application/atom+xml"})
        version = int(v) if v else max(paper["versions"])
        if version not in paper["versions"]:
            return Reply(200, atom_feed([]), {"Content-Type": "application/atom+xml"})
        entry = atom_entry(base, version, paper["title"], paper["authors"], paper["published"],
                           paper["primary"], paper["doi"])
        return Reply(200, atom_feed([entry]), {"Content-Type": "application/atom+xml"})

    def _other(self, seen: Seen) -> Reply | None:
        if seen.path.startswith("/pdf/"):
            tail = seen.path[len("/pdf/"):]
            head, _, version = tail.rpartition("v")
            paper = self.papers.get(head)
            if paper and version.isdigit() and int(version) in paper["versions"]:
                return Reply(200, paper["versions"][int(version)], {"Content-Type": "application/pdf"})
        return None

    def api_requests(self) -> int:
        return sum(1 for r in self.server.requests if r.path == "/api/query")

    def pdf_requests(self) -> int:
        return sum(1 for r in self.server.requests if r.path.startswith("/pdf/"))
