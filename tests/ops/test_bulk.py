"""kb.ops.bulk: PDFs extracted by a pool of processes, handed back in the order given;
a worker that dies fails its own item only, in kb import and kb add of many PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from bulkwork import CRASH_MARK, crash_on_mark, marked
from kbproc import paper_pages
from pdfgen import make_pdf

from kb.errors import NotFound, PDFError
from kb.ops import bulk
from kb.ops.papers import add_many, import_bib
from kb.ops.session import open_kb
from kb.sources.pdf import Limits


def _pdf(n: int, printed: bool = False) -> bytes:
    title = f"Measured Energy of Model Family {n} in Use"
    pages = paper_pages(n, pages=2)
    pages = [title + "\n" + pages[0]] + pages[1:] if printed else pages    # the title an entry names
    return make_pdf(pages, title=title,
                    author=f"Ada Lovelace{n}, Alan Turing")


def _task(data: bytes, name: str) -> bulk.Task:
    return bulk.Task(data, "pypdf", name)


def _run(items, jobs, **options):
    return list(bulk.extract_in_order(items, lambda item: item[1], Limits(), jobs, **options))


def test_results_come_in_the_order_given_whatever_the_jobs():
    items = [(f"p{n}", _task(_pdf(n), f"p{n}.pdf")) for n in range(7)]
    items.insert(3, ("nothing", None))                      # an item with nothing to extract
    one, two = _run(items, 1), _run(items, 2)
    assert [d.item for d in two] == items == [d.item for d in one]
    assert [d.outcome.result.pages if d.outcome.result else None for d in two] == \
           [d.outcome.result.pages if d.outcome.result else None for d in one]
    assert one[0].outcome.result.pages[0].startswith("1 Introduction")
    assert one[3].task is None and one[3].outcome == bulk.Outcome()


def test_unreadable_pdfs_and_refused_items_are_outcomes_not_failures():
    def prepare(item):
        if item == "missing":
            raise NotFound("no such file: missing.pdf")
        data = {"html": b"<html>not a pdf</html>", "corrupt": b"%PDF-1.4\nnothing else\n"}.get(item) or _pdf(1)
        return _task(data, f"{item}.pdf")

    items = ["good", "missing", "html", "corrupt", "good2"]
    for jobs in (1, 2):
        done = {d.item: d.outcome for d in bulk.extract_in_order(items, prepare, Limits(), jobs)}
        assert done["good"].result and done["good2"].result
        assert isinstance(done["missing"].refused, NotFound)
        assert isinstance(done["html"].error, PDFError) and "HTML page" in done["html"].error.message
        assert isinstance(done["corrupt"].error, PDFError) and "corrupt" in done["corrupt"].error.message


def test_a_worker_that_crashes_fails_its_item_alone():
    items = [(f"p{n}", _task(_pdf(n), f"p{n}.pdf")) for n in range(6)]
    items[2] = ("crash", _task(marked(_pdf(2), CRASH_MARK), "crash.pdf"))
    done = _run(items, 2, extract=crash_on_mark)
    assert [d.item for d in done] == items
    crashed = [(d.item[0], d.outcome.crashed) for d in done if d.outcome.crashed]
    assert len(crashed) == 1 and crashed[0][0] == "crash"
    assert "died (SIGSEGV" in crashed[0][1]
    expected = {d.item[0]: d.outcome.result.pages for d in _run(items[:2] + items[3:], 1)}
    assert {d.item[0]: d.outcome.result.pages for d in done if d.item[0] != "crash"} == expected


def _files(tmp_path: Path, count: int, crash_at: int | None = None) -> list[Path]:
    out = []
    for n in range(count):
        data = _pdf(n, printed=True)
        if n == crash_at:
            data = marked(data, CRASH_MARK)
        path = tmp_path / f"paper{n}.pdf"
        path.write_bytes(data)
        out.append(path)
    return out


def test_import_with_a_crashing_worker_attaches_the_rest_and_a_rerun_the_crashed(kb_root, tmp_path):
    pdfs = _files(tmp_path, 5, crash_at=1)
    bib = tmp_path / "library.bib"
    bib.write_text("\n".join(
        f"@article{{zot{n}, title = {{Measured Energy of Model Family {n} in Use}}, author = {{Lovelace, Ada}}, "
        f"year = {{2024}}, file = {{Full Text PDF:{p.name}:application/pdf}}}}\n" for n, p in enumerate(pdfs)))
    kb = open_kb(kb_root)
    out = import_bib(kb, bib, jobs=2, extract=crash_on_mark)
    assert out.added == [f"zot{n}" for n in range(5)]
    assert out.attached == [f"zot{n}: paper{n}.pdf" for n in (0, 2, 3, 4)]
    crash = [w for w in out.warnings if w.startswith("zot1:")]
    assert len(crash) == 1 and "not attached: the process extracting its text died (SIGSEGV" in crash[0]
    # Nothing of the crashed PDF was written; importing again attaches it (the others are held).
    out = import_bib(kb, bib, jobs=2)
    assert out.added == [] and out.attached == ["zot1: paper1.pdf"] and out.warnings == []
    kb.close()


def test_add_many_with_a_crashing_worker_adds_the_rest(kb_root, tmp_path):
    pdfs = _files(tmp_path, 4, crash_at=2)
    kb = open_kb(kb_root)
    done = list(add_many(kb, [(str(p), None) for p in pdfs], offline=True, jobs=2, extract=crash_on_mark))
    assert [name for name, _ in done] == [str(p) for p in pdfs]
    failed = done[2][1]
    assert isinstance(failed, PDFError) and "paper2.pdf" in str(failed) and "SIGSEGV" in str(failed)
    assert "nothing added" in str(failed)
    assert [r.action for _, r in done if not isinstance(r, PDFError)] == ["added"] * 3
    keys = [r[0] for r in kb.conn.execute("select citekey from papers order by position")]
    assert keys == [r.citekey for _, r in done if not isinstance(r, PDFError)]
    kb.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_add_many_keeps_the_order_of_ids_and_files_mixed(kb_root, tmp_path, jobs):
    """An identifier that is not a local PDF (here a bad one) is handled in its turn."""
    pdfs = _files(tmp_path, 3)
    kb = open_kb(kb_root)
    items = [(str(pdfs[0]), None), ("arxiv:not-an-id", None), (str(pdfs[1]), None), (str(pdfs[2]), None)]
    done = list(add_many(kb, items, offline=True, jobs=jobs))
    assert [name for name, _ in done] == [i[0] for i in items]
    assert [type(r).__name__ for _, r in done] == ["AddResult", "UsageError", "AddResult", "AddResult"]
    kb.close()


def test_background_work_runs_in_another_process_or_here():
    import os

    from bulkwork import pid_or_die_elsewhere

    assert bulk.Background(os.getpid, jobs=2).result() != os.getpid()
    assert bulk.Background(os.getpid, jobs=1).result() == os.getpid()
    # The other process dies: the same work is done here instead.
    assert bulk.Background(pid_or_die_elsewhere, os.getpid(), jobs=2).result() == os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_in_order_gives_each_result_in_order_on_every_core(jobs):
    import os

    from bulkwork import square_or_die_at

    out = list(bulk.map_in_order(square_or_die_at, ((n, -1, os.getpid()) for n in range(40)), jobs, ahead=2))
    assert [(n, sq) for n, sq, _ in out] == [(n, n * n) for n in range(40)]
    pids = {pid for *_, pid in out}
    assert (pids == {os.getpid()}) if jobs == 1 else (os.getpid() not in pids)
    assert list(bulk.map_in_order(square_or_die_at, [(3, -1, 0)], jobs))[0][:2] == (3, 9)    # one item: here
    assert list(bulk.map_in_order(square_or_die_at, [], jobs)) == []


def test_map_in_order_finishes_here_when_a_worker_dies():
    import os

    from bulkwork import square_or_die_at

    out = list(bulk.map_in_order(square_or_die_at, ((n, 7, os.getpid()) for n in range(30)), 2, ahead=2))
    assert [(n, sq) for n, sq, _ in out] == [(n, n * n) for n in range(30)]
    assert dict((n, pid) for n, _, pid in out)[7] == os.getpid()
