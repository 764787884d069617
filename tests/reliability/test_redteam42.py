"""Red-team round 42: what a careless or hostile user does by hand to references.bib and
claims/, and what every command then says of it."""

from __future__ import annotations

import json

import pytest
from kbrun import run_kb

BIB = "@misc{{{key},\n  title = {{Wind Farms of the Coast}},\n  year = {{2020}},\n}}\n"
PAGES = ["Wind Farms of the Coast", "Each turbine delivered 3.5 MW at rated wind speed in the trials."]
COPIED = ('[[quote]]\nid = "copied"\ntext = "{text}"\nversion = "v1"\nstatus = "verified"\npage = 2\n\n'
          '[[claim]]\nid = "rated"\nvalue = "3.5 MW"\nquote = "{text}"\nversion = "v1"\nstatus = "verified"\npage = 2\n')


@pytest.mark.parametrize("text, then", [
    ("Each turbine delivered 3.5 MW at rated wind speed", ("verified", "ok")),
    ("Each turbine delivered 3.5 MW at rated water speed", ("unverified", "not-found")),
])
def test_a_record_copied_by_hand_to_a_paper_of_no_text_is_no_text_alike_then_decided(kb_root, tmp_path, text, then):
    """A quote and claim copied by hand into the file of a paper kb holds no text of: kb verify said
    no-text, kb quote ls, kb claims and kb check listed them verified. All say no-text, in the same
    words; the paper's text loaded, the next command decides them, with no step of the user's."""
    (kb_root / "references.bib").write_text(BIB.format(key="wind2020"))
    (kb_root / "claims" / "wind2020.toml").write_text(COPIED.format(text=text))
    (kb_root / "claims" / "checks.toml").write_text('[[check]]\nid = "c"\nstated = "3.5 MW"\nexpr = "wind2020.rated"\n')
    said = "kb holds no text of wind2020 v1; not re-checked"
    assert {(v["status"], v["message"]) for v in run_kb("verify", "--json").json} == {("no-text", said)}
    quote, claim = run_kb("quote", "ls", "--json").json[0], run_kb("claims", "--json").json[0]
    assert (quote["status"], quote["reason"]) == (claim["status"], claim["reason"]) == ("no-text", said)
    assert "[NO TEXT]" in run_kb("quote", "ls").out and "NO TEXT" in run_kb("claims").out
    from kb.ops.claims import doubted_names, namespace
    from kb.ops.session import open_kb

    kb = open_kb(kb_root)           # what kb check marks its inputs by (its figures need pint: not loaded here)
    marked = f"wind2020.rated: {said}"
    assert doubted_names(kb, namespace(kb)) == ({}, {"wind2020.rated": marked, "rated": marked})
    kb.close()
    (tmp_path / "p.json").write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "wind2020", tmp_path / "p.json", "--version", "v1").code == 0
    assert run_kb("quote", "ls", "--json").json[0]["status"] == run_kb("claims", "--json").json[0]["status"] == then[0]
    assert {v["status"] for v in run_kb("verify", "--json").json} == {then[1]}


@pytest.mark.parametrize("key", ["müller2020", "conf:wind2020"])
def test_a_key_with_two_claims_files_is_neither_renamed_nor_removed_in_part(kb_root, key):
    """kb names a claims file escaped (claims/m%C3%BCller2020.toml); a person writes one as the key is
    written (claims/müller2020.toml). Both are read as the paper's, but kb rename moved one and left the
    other's quotes under a key no paper has, and kb rm --force deleted one and said it removed them all."""
    (kb_root / "references.bib").write_text(BIB.format(key=key))
    assert run_kb("quote", "add", key, "Turbines of the coast", "--force").code == 0
    (kb_root / "claims" / f"{key}.toml").write_text('[[quote]]\nid = "hand"\ntext = "Wind farms"\n')
    before = {p.name: p.read_bytes() for p in (kb_root / "claims").iterdir()}
    assert len(before) == 2
    for args in (["rename", key, "new2020"], ["rm", key], ["rm", "--force", key]):
        r = run_kb(*args)
        assert r.code == 2 and r.err.count("\n") == 1 and f"claims/{key}.toml" in r.err, r.err
    assert {p.name: p.read_bytes() for p in (kb_root / "claims").iterdir()} == before
    assert key in (kb_root / "references.bib").read_text()
    r = run_kb("doctor")
    assert r.code == 1 and f"'s claims file as claims/{key}.toml is" in r.out, r.out


@pytest.mark.parametrize("where, error", [("open", "disk I/O error"), ("migrate", "database or disk is full")])
def test_an_index_sqlite_cannot_write_as_it_opens_is_the_limit_not_damage(kb_root, monkeypatch, where, error):
    """Under `ulimit -f` (or a full disk) SQLite could not write the index's log as it opened or migrated it:
    kb said the index was damaged and to run kb rebuild, which the same limit stops too."""
    import resource
    import sqlite3

    import kb.store.db
    import kb.store.sqlite

    def stopped(*args, **kwargs):
        raise sqlite3.OperationalError(error)

    if where == "open":
        monkeypatch.setattr(kb.store.sqlite, "waiting", stopped)
    else:
        run_kb("ls")
        with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
            conn.execute("PRAGMA user_version = 21")
        monkeypatch.setattr(kb.store.db, "_migrations", stopped)
    monkeypatch.setattr(resource, "getrlimit", lambda what: (20_480, 20_480))
    r = run_kb("ls")
    assert r.code == 2 and r.err.count("\n") == 1 and "rebuild" not in r.err and "damaged" not in r.err, r.err
    assert r.err.startswith("kb: error: cannot write the index .kb/kb.sqlite: a file-size limit"), r.err


@pytest.mark.parametrize("key", ["wind2020", "müller2020"])
def test_a_rename_killed_as_it_moves_the_claims_file_leaves_one_file_and_is_finished_by_running_it_again(
        kb_root, monkeypatch, key):
    """kb rename wrote claims/new.toml, then unlinked claims/old.toml: killed in between, both held the same
    quotes, and every command stopped ('quote id ... is also used in ...') until one was deleted by hand."""
    from kb.store.knowledgebase import KB

    (kb_root / "references.bib").write_text(BIB.format(key=key))
    assert run_kb("quote", "add", key, "Turbines of the coast", "--force", "--id", "t1").code == 0
    real = KB.write_file

    def killed(self, path, *args, **kwargs):
        real(self, path, *args, **kwargs)
        if path.parent.name == "claims":
            raise KeyboardInterrupt
    monkeypatch.setattr(KB, "write_file", killed)
    assert run_kb("rename", key, "new2020").code == 130
    monkeypatch.setattr(KB, "write_file", real)
    assert len(list((kb_root / "claims").glob("*.toml"))) == 1
    r = run_kb("rename", key, "new2020")
    assert r.code == 0, r.err
    assert [p.name for p in (kb_root / "claims").iterdir()] == ["new2020.toml"]
    assert [(q["id"], q["citekey"]) for q in run_kb("quote", "ls", "--json").json] == [("t1", "new2020")]


@pytest.mark.parametrize("inside, status", [("\u202e", "problem"), ("\x07", "problem"), ("\u200b", "ok")])
def test_a_note_quote_holding_a_character_nobody_sees_is_no_ok(kb_root, tmp_path, inside, status):
    """A note's quote holding a bidi override or a control character stood "ok" (matching drops it), its
    words shown in another order, or hiding a byte, than the paper's; kb quote add refuses such a quote.
    A zero-width space, which shows nothing where it stands, is as before."""
    (kb_root / "references.bib").write_text(BIB.format(key="wind2020"))
    (tmp_path / "p.json").write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "wind2020", tmp_path / "p.json").code == 0
    note = tmp_path / "note.md"
    note.write_text(f'They say "Each turbine delivered 3.5 MW at rated{inside} wind speed" [@wind2020].\n')
    r = run_kb("verify", "--note", note, "--json")
    assert [q["status"] for q in r.json["quotes"]] == [status] and r.code == (status != "ok"), r.out


ELSEWHERE = ('[[check]]\nid = "c"\nstated = "3.5 MW"\nexpr = "{key}.rated"\n\n'
             '[[claim]]\npaper = "{key}"\nid = "rated"\nvalue = "3.5 MW"\nquote = "{text}"\n')


@pytest.mark.parametrize("key", ["wind2020", "a:b2020"])
def test_a_claim_naming_its_paper_in_another_file_follows_a_rename_and_is_not_said_removed(kb_root, tmp_path, key):
    """A claim kept in claims/checks.toml with paper = KEY: kb rename left it under the old key (no-paper, and
    kb doctor said to move claims/checks.toml into the paper's file and delete it, checks and all); kb rm --force
    said it removed it, and kept it."""
    (kb_root / "references.bib").write_text(BIB.format(key=key))
    (tmp_path / "p.json").write_text(json.dumps(PAGES))
    assert run_kb("text", "load", key, tmp_path / "p.json").code == 0
    checks = kb_root / "claims" / "checks.toml"
    checks.write_text(ELSEWHERE.format(key=key, text=PAGES[1].rstrip(".")))
    assert run_kb("rename", key, "new2020").code == 0
    assert checks.read_text() == ELSEWHERE.format(key="new2020", text=PAGES[1].rstrip("."))
    assert [(v["status"], v["citekey"]) for v in run_kb("verify", "--json").json] == [("ok", "new2020")]
    checks.write_text(ELSEWHERE.format(key=key, text=PAGES[1].rstrip(".")))        # written back by hand
    r = run_kb("doctor")
    assert 'write paper = "new2020" for it in claims/checks.toml' in r.out and "delete" not in r.out, r.out
    checks.write_text(ELSEWHERE.format(key="new2020", text=PAGES[1].rstrip(".")))
    r = run_kb("rm", "new2020")
    assert r.code == 2 and "claims/checks.toml" in r.err and r.err.count("\n") == 1, r.err
    r = run_kb("rm", "--force", "--json", "new2020")
    assert [(x["claims"], x["named_in"]) for x in r.json] == [(0, ["claims/checks.toml"])]
