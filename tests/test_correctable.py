"""A declaration in `strikemap.correctable` is all a new correctable field needs.

These tests declare `intercepted` (an `Event` field no analyst may correct today) for the test
alone, and correct it everywhere an analyst can: they fail if the command line, the review form,
the check or the queries still name the fields they handle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from strikemap import correctable
from strikemap.cli import main
from strikemap.errors import ConfigError
from strikemap.export import row
from strikemap.ingest import ingest
from strikemap.models import Article
from strikemap.query import find, listings
from strikemap.review import correct, save_review
from strikemap.store import Store

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
NIGHT = (
    "title: Night attack\npublished: 2023-05-02\n\n"
    "Russian drones attacked Kyiv overnight, damaging a house in Obolonskyi district. "
    "Air defence shot down 10 drones. Two people were injured.\n"
)


@pytest.fixture
def intercepted(monkeypatch: pytest.MonkeyPatch) -> correctable.Correctable:
    """`intercepted` declared correctable, last, for this test only (whether or not it is already)."""
    field = correctable.count("intercepted", "Intercepted", of="drones and missiles")
    others = tuple(f for f in correctable.FIELDS if f.name != field.name)
    monkeypatch.setattr(correctable, "FIELDS", (*others, field))
    return field


@pytest.fixture
def one_event(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A store with one event, whose reports say 10 drones were shot down."""
    store = Store(str(tmp_path / "s.sqlite"))
    ingest(store, [Article(id="a", path="a.txt", text=NIGHT, published=dt.date(2023, 5, 2))])
    (view,) = find(store)
    assert view.event.intercepted == 10, "the machine's value, which the tests correct"
    yield store, view.event.id
    store.close()


def shown(store: Store) -> tuple[int | None, tuple[str, ...], int | None, str]:
    """The value and what was corrected, as an event view and as an export's listing show them."""
    (view,), (listing,) = find(store), listings(store)
    listed = row(listing)
    assert listed == row(view), "an export from summaries shows what one from reports shows"
    return view.event.intercepted, view.corrected, listed["intercepted"], listed["corrected"]


CORRECTED = [
    ("date", "2023-05", dt.date(2023, 5, 1)),
    ("districts", "Podilskyi, Obolonskyi", ("Obolonskyi", "Podilskyi")),
    ("weapons", "missile", ("missile",)),
    ("killed", "3", 3),
    ("injured", "unknown", None),
]
"""A typed correction of every field in `correctable.FIELDS`, and the event's value after it."""


def test_every_field_has_a_case() -> None:
    assert [name for name, _, _ in CORRECTED] == [f.name for f in correctable.FIELDS]


@pytest.mark.parametrize("name, typed, value", CORRECTED)
def test_every_field_is_corrected_from_the_command_line_and_shown_alike(
    one_event: tuple[Store, str], name: str, typed: str, value: object
) -> None:
    store, event_id = one_event
    assert main(["correct", "--db", store.url, event_id, f"--{name}", typed]) == 0
    (view,), (listing,) = find(store), listings(store)
    assert (getattr(view.event, name), view.corrected) == (value, (name,))
    assert row(listing) == row(view)


def test_the_command_line_corrects_a_declared_field(
    intercepted: correctable.Correctable, one_event: tuple[Store, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, event_id = one_event
    assert main(["correct", "--db", store.url, event_id, "--intercepted", "12", "--note", "air force"]) == 0
    assert capsys.readouterr().out == f"corrected intercepted of event {event_id}\n"
    assert shown(store) == (12, ("intercepted",), 12, "intercepted")
    assert main(["correct", "--db", store.url, event_id, "--intercepted", "unknown"]) == 0
    assert shown(store) == (None, ("intercepted",), None, "intercepted")


def test_the_command_line_offers_a_declared_field(
    intercepted: correctable.Correctable, one_event: tuple[Store, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, event_id = one_event
    assert main(["correct", "--db", store.url, event_id]) == 2
    assert capsys.readouterr().err.endswith(
        "give --date, --districts, --weapons, --killed, --injured or --intercepted\n"
    )
    with pytest.raises(SystemExit):
        main(["correct", "--help"])
    assert (
        "--intercepted INTERCEPTED\n                        a number, or 'unknown'" in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-1", "expected a number of drones and missiles (0 to 999999999) or 'unknown', got '-1'"),
        ("1e3", "expected a number of drones and missiles (0 to 999999999) or 'unknown', got '1e3'"),
        (
            "9" * 10,
            "expected a number of drones and missiles (0 to 999999999) or 'unknown', got '9999999999'",
        ),
    ],
)
def test_a_declared_field_refuses_what_it_cannot_hold(
    intercepted: correctable.Correctable,
    one_event: tuple[Store, str],
    capsys: pytest.CaptureFixture[str],
    typed: str,
    message: str,
) -> None:
    store, event_id = one_event
    assert main(["correct", "--db", store.url, event_id, "--intercepted", typed]) == 2
    assert capsys.readouterr().err == f"strikemap: {message}\n"
    with pytest.raises(ConfigError, match="intercepted must be a whole number of drones and missiles from 0"):
        correct(store, event_id, "intercepted", 10**7)
    assert shown(store) == (10, (), 10, "")


def test_an_undeclared_field_is_refused(one_event: tuple[Store, str]) -> None:
    store, event_id = one_event
    with pytest.raises(ConfigError, match="cannot correct 'colour': expected one of date, districts"):
        correct(store, event_id, "colour", "red")


def test_a_review_records_a_declared_field_only_when_changed(
    intercepted: correctable.Correctable, one_event: tuple[Store, str]
) -> None:
    store, _ = one_event
    (view,) = find(store)
    assert save_review(store, view, {"intercepted": 10, "killed": None}, view.status) == []
    assert save_review(store, view, {"intercepted": 7, "killed": None}, view.status) == ["intercepted"]
    assert shown(store) == (7, ("intercepted",), 7, "intercepted")


@pytest.fixture
def app_on(
    one_event: tuple[Store, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[AppTest]:
    """The app on the Add & review page, showing the store of `one_event` (no demo)."""
    store, _ = one_event
    monkeypatch.setenv("STRIKEMAP_DB", store.url)
    monkeypatch.setenv("STRIKEMAP_DEMO", "off")
    monkeypatch.setenv("STRIKEMAP_DEMO_DB", str(tmp_path / "demo.sqlite"))
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("pages/ingest.py").run()
    assert not at.exception, [e.value for e in at.exception]
    yield at
    st.cache_resource.clear()
    st.cache_data.clear()


def test_the_review_form_asks_for_a_declared_field_and_saves_it(
    intercepted: correctable.Correctable, one_event: tuple[Store, str], app_on: AppTest
) -> None:
    store, event_id = one_event
    app_on.selectbox(key="reviewing").set_value(event_id).run()
    (box,) = [n for n in app_on.number_input if n.label == "Intercepted"]
    assert box.value == 10
    box.set_value(12)
    app_on.button(key="FormSubmitter:correct-Save review").click().run()
    assert not app_on.exception, [e.value for e in app_on.exception]
    assert [s.value for s in app_on.success] == ["Saved: intercepted. Kept apart from the machine's output."]
    assert shown(store) == (12, ("intercepted",), 12, "intercepted")
