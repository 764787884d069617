"""Red-team sweep 51, hand edits: a quote's text written by hand with a character nobody sees,
a PDF moved or deleted by hand, and what kb verify, kb doctor and kb show then say."""

from __future__ import annotations

import pytest

from kb.ops.doctor import diagnose

HIDDEN = ["\\u0007", "\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\u202e", "\\b"]
WHITE = ["\\t", "\\n", "  "]          # white space a quote may hold: read as a space, never refused


def _records(status: str) -> tuple[str, dict]:
    """A claims file of one quote and one claim for each hidden character and each white space, and
    the line each record starts at."""
    text, lines = "", {}
    for n, ch in enumerate(HIDDEN + WHITE):
        for kind in ("quote", "claim"):
            lines[(kind, f"{kind[0]}{n}")] = text.count("\n") + 1
            words = f"We trained{ch}12 models on 64 GPUs"
            text += (f'[[quote]]\nid = "q{n}"\ntext = "{words}"\nstatus = "{status}"\npage = 1\nversion = "v1"\n\n'
                     if kind == "quote" else
                     f'[[claim]]\nid = "c{n}"\nvalue = "64"\nquote = "{words}"\nstatus = "{status}"\npage = 1\n'
                     f'version = "v1"\n\n')
    return text, lines


@pytest.mark.parametrize("status", ["verified", "unverified"])
def test_a_quote_holding_a_hidden_character_is_refused_at_its_line_stored_verified_or_not(kb_root, tmp_path,
                                                                                        monkeypatch, status):
    """A control character (a bell, a NUL, an escape, a C1 NEL) or a bidi override written by hand into a quote's
    text: stored unverified, it was listed 'unverified' by kb verify and kb doctor said 'nothing to repair'; stored
    verified, kb verify named the file alone and kb doctor said nothing. Now each is 'unshown', a failure, at the
    line of its record in both; white space in a quote is no such character."""
    from alphakb import make_alpha

    from kb.ops import derive, quotes
    from kb.store.knowledgebase import KB
    monkeypatch.setattr(derive, "base_values", lambda *args, **kwargs: None)
    make_alpha(kb_root, tmp_path)
    text, lines = _records(status)
    (kb_root / "claims" / "alpha2020energy.toml").write_text(text)
    kb = KB.open(kb_root)
    try:
        verdicts = {(v.kind, v.id): v for v in quotes.verify_all(kb) + quotes.verify_claims(kb)}
    finally:
        kb.close()
    problems = {p.where: p for p in diagnose(kb_root).problems}
    for (kind, rid), line in lines.items():
        v = verdicts[(kind, rid)]
        at = f"claims/alpha2020energy.toml:{line}"
        if int(rid[1:]) < len(HIDDEN):
            assert v.status == "unshown" and v.failed and v.message.endswith(f"without it in {at}"), (rid, v)
            assert at in problems and f"{rid}" in problems[at].what and at in problems[at].fix, (rid, problems)
        else:
            assert v.status != "unshown" and not v.failed, (rid, v)
            assert at not in problems, (rid, problems)
