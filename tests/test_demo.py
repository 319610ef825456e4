"""The demo corpus lives in a store of its own, and is shown only while the user's store is empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikemap import demo
from strikemap.errors import ConfigError
from strikemap.models import Article
from strikemap.read import read_paths
from strikemap.store import Store, counts, set_setting, setting


@pytest.mark.parametrize(
    "value, expected",
    [(None, True), ("", True), ("on", True), ("Yes", True), ("1", True), ("true", True),
     ("off", False), (" OFF ", False), ("no", False), ("0", False), ("false", False)],
)  # fmt: skip
def test_strikemap_demo_setting(value: str | None, expected: bool) -> None:
    assert demo.enabled(value) is expected


@pytest.mark.parametrize("value", ["of", "disabled", "2"])
def test_an_unknown_strikemap_demo_setting_says_what_is_expected(value: str) -> None:
    with pytest.raises(ConfigError, match=f"STRIKEMAP_DEMO='{value}': expected on or off"):
        demo.enabled(value)


@pytest.mark.parametrize(
    "user_articles, allowed, hidden, corpus_present, expected",
    [
        (0, True, False, True, True),  # a first start: the demo
        (1, True, False, True, False),  # the user's first article ends it
        (250, True, False, True, False),
        (0, False, False, True, False),  # STRIKEMAP_DEMO=off
        (0, True, True, True, False),  # "Hide the demo" clicked
        (0, True, False, False, False),  # installed without samples/
    ],
)
def test_which_store_the_dashboard_shows(
    user_articles: int, allowed: bool, hidden: bool, corpus_present: bool, expected: bool
) -> None:
    shown = demo.shows_demo(
        user_articles=user_articles, allowed=allowed, hidden=hidden, corpus_present=corpus_present
    )
    assert shown is expected


def test_the_demo_store_holds_the_whole_corpus_and_building_it_again_loads_nothing(tmp_path: Path) -> None:
    corpus = {a.id for a in read_paths([demo.CORPUS]) if isinstance(a, Article)}
    first, loaded = demo.build(tmp_path / "demo.sqlite")
    assert loaded is not None and (loaded.added, counts(first).articles) == (len(corpus), len(corpus))
    before = counts(first)
    again, reloaded = demo.build(tmp_path / "demo.sqlite")
    assert (reloaded, counts(again)) == (None, before)


def test_hiding_the_demo_is_kept_in_the_users_store_and_adds_no_article(tmp_path: Path) -> None:
    user = Store(str(tmp_path / "user.sqlite"))
    assert demo.hidden(user) is False
    demo.hide(user)
    assert (demo.hidden(Store(str(tmp_path / "user.sqlite"))), counts(user).articles) == (True, 0)


def test_a_setting_is_replaced_not_duplicated(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "user.sqlite"))
    assert setting(store, "colour") is None
    set_setting(store, "colour", "red")
    set_setting(store, "colour", "blue")
    assert setting(store, "colour") == "blue"


@pytest.mark.parametrize("given", [None, "elsewhere/demo.sqlite"])
def test_where_the_demo_store_lives(
    given: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if given:
        monkeypatch.setenv("STRIKEMAP_DEMO_DB", given)
    else:
        monkeypatch.delenv("STRIKEMAP_DEMO_DB", raising=False)
    assert demo.path() == (given or str(tmp_path / "cache" / "strikemap" / "demo.sqlite"))
