"""Names with a slash that is not a path keep their identity; LaTeX in a name is shown as text."""

from __future__ import annotations

import pytest

from openpace.identity.build import plain_text
from openpace.domain.model_names import parse_name


@pytest.mark.parametrize(("name", "key", "org"), [
    ("ViT-G/14", "vit-g-14", None),  # a patch size, not an organisation
    ("DiT-XL/2", "dit-xl-2", None),
    ("ViT-L/14@336px", "vit-l-14-336px", None),
    ("meta-llama/Llama-3.1-8B", "llama-3.1-8b", "meta-llama"),  # a Hub path still splits
    ("deepinfra/01-ai/Yi-34B", "yi-34b", "01-ai"),
], ids=lambda v: str(v))
def test_slash_names(name, key, org):
    parsed = parse_name(name)
    assert (parsed.key, parsed.org_hint) == (key, org)


def test_vit_g_14_and_vit_g_2_stay_apart():
    assert parse_name("ViT-G/14").key != parse_name("ViT-G/2").key


def test_latex_math_becomes_text():
    assert plain_text(r"$\infty$-former (SM)") == "∞-former (SM)"
    assert plain_text("Claude cost $30 and $300") == "Claude cost $30 and $300"  # dollars are not math


@pytest.mark.mirror_data
def test_mirror_names(mirror_db):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv names `ViT-G/14` and `$\infty$-former (SM)`
    rows = dict(mirror_db.execute("SELECT a.alias, m.display_name FROM model_aliases a JOIN models m USING (model_id) "
                                  "WHERE a.alias IN ('ViT-G/14', '$\\infty$-former (SM)')").fetchall())
    assert rows == {"ViT-G/14": "ViT-G/14", "$\\infty$-former (SM)": "∞-former (SM)"}
    assert mirror_db.execute("SELECT model_id FROM model_aliases WHERE alias = 'ViT-G/14'").fetchone()[0] == "vit-g-14"
