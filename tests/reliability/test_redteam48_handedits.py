"""Red-team sweep 48, hand edits: a claim a check names renamed or removed by hand, an unclosed
brace in references.bib, and the hand edits of a held-out sweep, and what every command then says."""

from __future__ import annotations

import pytest

from kb.ops.doctor import diagnose
from kb.store.knowledgebase import KB, init

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
CLAIMS = ('[[claim]]\nid = "gpu-energy"\nvalue = "12 kWh"\nstatus = "unverified"\n')
CHECKS = '[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "{expr}"\n'


def _kb(tmp_path, expr: str):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "p0.toml").write_text(CLAIMS)
    (root / "claims" / "checks.toml").write_text(CHECKS.replace("{expr}", expr))
    KB.open(root).close()            # indexed
    return root


@pytest.mark.parametrize("expr, edit, hint", [
    ("p0.gpu_energy", ('"gpu-energy"', '"gpu-energy-total"'), "did you mean p0.gpu_energy_total"),  # renamed
    ("gpu_energy * 1", ('"gpu-energy"', '"gone"'), None),                                          # bare id
    ("p0.gpu_energy", None, None),                                                                 # file deleted
])
def test_a_check_naming_a_claim_renamed_or_removed_by_hand_is_a_doctor_problem(tmp_path, expr, edit, hint):
    """A claim renamed or removed by hand, a check still naming it: kb check said 'undefined name'
    and kb doctor 'nothing to repair'."""
    root = _kb(tmp_path, expr)
    assert diagnose(root).ok
    path = root / "claims" / "p0.toml"
    if edit is None:
        path.unlink()
    else:
        path.write_text(path.read_text().replace(*edit))
    said = [p for p in diagnose(root).problems if p.where == "claims/checks.toml:1"]
    assert len(said) == 1, said
    assert "check twelve names" in said[0].what and "no claim kb holds" in said[0].what, said[0]
    assert "remove the check twelve" in said[0].fix and (hint is None or hint in said[0].fix), said[0]
