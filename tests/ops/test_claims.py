"""kb.ops.claims.run_checks reads only the claims its checks can name, with the same verdicts."""

from __future__ import annotations

import pytest
from kbrun import run_kb

import kb.quantities.checks as checks
import kb.quantities.quoted as quoted
from kb.ops import claims as ops_claims
from kb.ops.session import open_kb

BIB = "".join(f"@article{{p{i},\n  title = {{Paper {i}}},\n  author = {{Smith, Ann}},\n  year = {{2020}}\n}}\n\n"
              for i in range(4))
QUOTE = "the run used 11.49 kWh of energy in total"


def claims_of(i: int, extra: str = "") -> str:
    # Every paper has an `energy` claim whose quote prints 11.49 kWh; p3's value is a hand edit (11.94).
    value = "11.94 kWh" if i == 3 else "11.49 kWh"
    return (f'[[claim]]\nid = "energy"\nvalue = "{value}"\nquote = "{QUOTE}"\nstatus = "verified"\n\n'
            f'[[claim]]\nid = "filler-{i}"\nvalue = "{i + 1} kWh"\nquote = "printed {i + 1} kWh"\n'
            f'status = "verified"\n\n{extra}')


@pytest.fixture
def many(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    for i in range(4):
        (kb_root / "claims" / f"p{i}.toml").write_text(claims_of(i))
    (kb_root / "claims" / "p0.toml").write_text(claims_of(0, '[[claim]]\nid = "own-charge"\nvalue = "0.02 kWh"\n'
                                                               'status = "unverified"\n'))
    return kb_root


def write_checks(root, text: str) -> None:
    (root / "claims" / "checks.toml").write_text(text)


def test_only_named_claims_are_read(many, monkeypatch):
    write_checks(many, '[units]\ncharge = "p0.own-charge"\n\n'
                       '[[check]]\nid = "a"\nstated = "574 charge"\nexpr = "p1.energy"\n')
    seen = []
    real = quoted.value_in_quote

    def counting(value, quote, per=None, passage=None, before=""):
        seen.append(value)
        return real(value, quote, per, passage, before)

    kb = open_kb(many)            # indexed (kb.ops.derive judges each changed claim) before counting
    monkeypatch.setattr(quoted, "value_in_quote", counting)     # as kb.ops.claims calls it
    (out,) = ops_claims.run_checks(kb)
    assert out.verdict == "pass"
    assert out.unverified == ["charge"]          # the unit rests on a claim stored unverified
    # No claim was judged again: the index holds each claim's judgement, made against its paper's
    # text (kb.ops.derive), and the other papers' claims and the fillers were never read.
    assert seen == []
    words = ops_claims.check_words(kb, [{"stated": "574 charge", "expr": "p1.energy + energy"}])
    ns = ops_claims.namespace(kb, words)
    assert "p2.filler_2" not in ns.values and "p2.energy" in ns.values      # `energy` alone: every one
    assert "energy" in ns.ambiguous
    words = ops_claims.check_words(kb, [{"stated": "1", "expr": "`p1`.energy / p2.filler_2"}])
    assert set(ops_claims.namespace(kb, words).values) == {"p1.energy", "p2.filler_2", "p0.own_charge"}
    assert "p2.filler_2" in ops_claims.namespace(kb).values
    kb.close()


def test_verdicts_as_with_every_claim(many):
    write_checks(many, """
[[check]]
id = "hand-edit"
stated = "11.94 kWh"
expr = "p3.energy"

[[check]]
id = "ambiguous"
stated = "11.49 kWh"
expr = "energy"

[[check]]
id = "bare-unique"
stated = "2 kWh"
expr = "filler_1"

[[check]]
id = "typo"
stated = "3 kWh"
expr = "p2.filler_22"
""")
    r = run_kb("check")
    lines = r.out.splitlines()
    assert r.code == 1
    assert lines[0].startswith("hand-edit  stated 11.94 kWh") and "[UNVERIFIED input: p3.energy]" in lines[0]
    assert lines[1].startswith("ambiguous") and lines[1].endswith("error") and "'energy' is ambiguous" in lines[1]
    assert lines[2].startswith("bare-unique") and lines[2].endswith("pass") and "UNVERIFIED" not in lines[2]
    # An undefined name is suggested the closest of all claims, read only then.
    assert lines[3].startswith("typo") and lines[3].endswith("error")
    explained = run_kb("check", "--explain", "typo").out
    assert "names 'p2.filler_22', which is no claim kb holds" in explained and "did you mean p2.filler_2" in explained


def _outcomes(root) -> list[tuple]:
    kb = open_kb(root)
    try:
        return [(o.id, o.verdict, o.line) for o in ops_claims.run_checks(kb)]
    finally:
        kb.close()


def test_a_check_run_again_on_the_same_inputs_is_not_computed_again(many, monkeypatch):
    """The outcomes of the last run are kept with the key of their inputs; the same
    inputs give them back without evaluating anything (pint is most of kb check)."""
    write_checks(many, '[[check]]\nid = "sum"\nstated = "22.98 kWh"\nexpr = "p1.energy + p2.energy"\n')
    first = _outcomes(many)
    assert first[0][1] == "pass" and (many / ".kb" / "cache" / "checks.json").exists()
    monkeypatch.setattr(checks, "run_check", lambda *a, **k: pytest.fail("computed again"))
    assert _outcomes(many) == first


@pytest.mark.parametrize("edit", ["claim", "check", "unit", "status", "cache"])
def test_a_kept_outcome_is_not_used_once_what_it_rests_on_changes(many, edit):
    checks = '[units]\ncharge = "0.012 kWh"\n\n[[check]]\nid = "sum"\nstated = "1915 charge"\nexpr = "p1.energy + p2.energy"\n'
    write_checks(many, checks)
    assert [v for _, v, _ in _outcomes(many)] == ["pass"]
    p1 = many / "claims" / "p1.toml"
    if edit == "claim":                   # a figure the check names, edited by hand
        p1.write_text(p1.read_text().replace('value = "11.49 kWh"', 'value = "21.49 kWh"'))
    elif edit == "check":
        write_checks(many, checks.replace("1915 charge", "2915 charge"))
    elif edit == "unit":
        write_checks(many, checks.replace('charge = "0.012 kWh"', 'charge = "0.006 kWh"'))
    elif edit == "status":                # the same value, now stored unverified
        p1.write_text(p1.read_text().replace('status = "verified"', 'status = "unverified"', 1))
    else:                                 # a damaged cache file is computed again, not believed
        (many / ".kb" / "cache" / "checks.json").write_text('{"key": 1, "outcomes": [')
    after = _outcomes(many)
    if edit == "status":
        assert "UNVERIFIED input: p1.energy" in after[0][2]
    elif edit == "cache":
        assert [v for _, v, _ in after] == ["pass"]
    else:
        assert [v for _, v, _ in after] == ["fail"]


def test_claims_files_changed_together_decide_only_their_changed_claims(many, monkeypatch):
    """A git pull changing several claims files forgets all their rows first: what was decided of their
    unchanged claims is kept for their re-index, and only a changed claim is decided again."""
    import kb.ops.derive as derive

    open_kb(many)
    seen = []
    real = derive._doubt_on_page

    def counting(kb, value, *args):
        seen.append(value)
        return real(kb, value, *args)

    monkeypatch.setattr(derive, "_doubt_on_page", counting)
    for i in (1, 2):
        (many / "claims" / f"p{i}.toml").write_text(claims_of(i).replace('"2 kWh"', '"2.5 kWh"'))
    kb = open_kb(many)
    assert seen == ["2.5 kWh"]          # p1's filler, edited; p1's energy and p2's claims kept their judgement
    doubts = dict(kb.conn.execute("select citekey || '.' || id, doubt is null from claims where kind = 'claim'"))
    assert doubts["p1.filler-1"] == 0 and doubts["p2.energy"] == 1 and doubts["p3.energy"] == 0
