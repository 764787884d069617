"""kb check marks a check resting on an unverified claim whatever way its expression names the
claim: a key holding '-', ':' or '/' quoted in backticks, or with '_' for '-' (README: "A paper
whose key holds -, :, / is named in backticks ... (or with _ for -)")."""

from __future__ import annotations

import pytest

from kb.ops import claims as ops_claims
from kb.ops.session import open_kb
from kb.store.paths import Layout

KEYS = ("le-scao-2021-many", "DBLP:series/sci/2023-1062")


@pytest.mark.parametrize("key, expr, unit", [
    (KEYS[0], "`le-scao-2021-many`.points", None),
    (KEYS[0], "le_scao_2021_many.points", None),
    (KEYS[0], "1 lsp", "le_scao_2021_many.points"),
    (KEYS[1], "`DBLP:series/sci/2023-1062`.points", None),
])
def test_unverified_input_of_a_quoted_key_is_marked(kb_root, key, expr, unit):
    (kb_root / "references.bib").write_text(f"@article{{{key},\n  title = {{Many}},\n  author = {{Le Scao, T.}},\n"
                                            "  year = {2021}\n}\n")
    claims = Layout(kb_root).claims_file(key)
    claims.write_text('[[claim]]\nid = "points"\nvalue = "100 points"\nstatus = "unverified"\n')
    units = f'[units]\nlsp = "{unit}"\n\n' if unit else ""
    # "item" in the stated figure: no word of it names the claim, only the expression does
    (kb_root / "claims" / "checks.toml").write_text(f'{units}[[check]]\nid = "c"\nstated = "100 item"\n'
                                                    f'expr = "{expr}"\n')
    kb = open_kb(kb_root)
    try:
        (out,) = ops_claims.run_checks(kb)
    finally:
        kb.close()
    assert out.verdict == "pass"
    assert out.unverified, out.line                 # was [] : shown as resting on verified figures only
    assert "UNVERIFIED input" in out.line
