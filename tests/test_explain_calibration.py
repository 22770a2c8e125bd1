"""The per-part threshold of bot/explain.py: Otsu's cut on a collection sample's similarities, trusted only when
the sample forms two groups."""

from __future__ import annotations

import numpy as np

from bot.explain import two_groups


def test_two_groups_cut_between_them() -> None:
    rng = np.random.default_rng(0)
    night = rng.normal(0.52, 0.02, 120)  # the demo's "at night" similarities: night pictures around 0.52
    day = rng.normal(0.26, 0.03, 136)  # the others around 0.26
    split = two_groups(np.concatenate([night, day]))
    assert split is not None
    assert day.max() < split.cut < night.min()
    assert day.mean() < split.surely_not < split.cut  # the top of the lower group is left unsaid, not denied


def test_one_group_has_no_cut() -> None:
    rng = np.random.default_rng(1)
    assert two_groups(rng.normal(0.3, 0.05, 256)) is None  # a part the collection does not split on
    assert two_groups(np.full(64, 0.3)) is None
    assert two_groups(np.array([0.3])) is None
