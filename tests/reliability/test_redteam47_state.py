"""Red-team sweep 47: what one process keeps between calls (module caches, process-wide
settings) never answers a later call of kb's library otherwise than a fresh process would."""

from __future__ import annotations

from kb.ops import derive, quotes
from kb.store.knowledgebase import KB, init

BIB = "@article{{{key},\n  title = {{Energy of {key}}},\n  author = {{Curie, Marie}},\n  year = {{2024}}\n}}\n\n"
QUOTE = '[[quote]]\nid = "q-{key}"\ntext = "We trained 12 models"\nstatus = "unverified"\n'


def _kb(tmp_path, keys):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text("".join(BIB.format(key=k) for k in keys))
    for key in keys:
        (root / "claims" / f"{key}.toml").write_text(QUOTE.format(key=key))
    KB.open(root).close()            # indexed
    return root


def test_verify_task_run_here_reads_the_knowledge_base_as_it_is_now(tmp_path):
    """A verify task run in this process (one task, or a pool that broke) kept the knowledge base it
    opened and the papers it then held: a paper added since was 'no-paper' to the next call."""
    root = _kb(tmp_path, ["p0"])
    assert [v.status for v in quotes._verify_task((str(root), ["p0"]))] == ["unverified"]
    (root / "references.bib").write_text(BIB.format(key="p0") + BIB.format(key="p1"))
    (root / "claims" / "p1.toml").write_text(QUOTE.format(key="p1"))
    KB.open(root).close()
    assert [(v.citekey, v.status) for v in quotes._verify_task((str(root), ["p0", "p1"]))] == [
        ("p0", "unverified"), ("p1", "unverified")]


def test_decide_task_run_here_reads_the_index_as_it_is_now(tmp_path):
    """A decide task run in this process kept the index it opened: one replaced since (kb rebuild
    swaps a new file in) was still read through the old file's connection."""
    root = _kb(tmp_path, ["p0"])
    where = (str(root), str(root / ".kb" / "kb.sqlite"))
    derive._decide_task((where, ["p0"]))
    db = root / ".kb" / "kb.sqlite"
    for side in db.parent.glob("kb.sqlite*"):
        side.unlink()
    (root / "claims" / "p0.toml").write_text(QUOTE.format(key="p0").replace("unverified", "verified"))
    KB.open(root).close()                       # a new index file, its quote verified
    quoted, _ = derive._decide_task((where, ["p0"]))
    assert list(quoted) == [("p0", None, "We trained 12 models", None, None)]
