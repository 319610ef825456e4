"""The view every page shows, kept in the session and mirrored in the URL (Streamlit glue).

Filters, the timeline window and the chosen event are one `params.View`. The router settles it
once per run (`sync_view`), widgets' callbacks change it, and each page writes it back (`share`).
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from strikemap.dashboard import params as url_params
from strikemap.dashboard.params import View

_VIEW, _WRITTEN, _CLICK, _FOCUS = "view", "view_url", "last_click", "focus"


def sync_view() -> View:
    """Settle this run's view, once, before any page draws: the URL's when it is new, else the session's.

    Filters, the timeline window and the chosen event are one state that every page reads and
    writes (see `params.reconcile`); `share` writes it back to the URL when the page is done."""
    state = st.session_state
    view = url_params.reconcile(query_params(), state.get(_WRITTEN), state.get(_VIEW))
    if view is not state.get(_VIEW):
        state[_FOCUS] = view.event  # a link to an event opens the map on it
    state[_VIEW] = view
    return view


def current_view() -> View:
    view = st.session_state.get(_VIEW)
    return view if isinstance(view, View) else sync_view()


def set_view(view: View) -> None:
    st.session_state[_VIEW] = view


def query_params() -> url_params.Params:
    return url_params.normal({key: st.query_params.get_all(key) for key in st.query_params})


def share() -> None:
    """Put the session's view in the URL, so it can be shared as a link and Back returns to it."""
    wanted = url_params.normal(url_params.to_params(current_view()))
    if wanted != query_params():
        st.query_params.from_dict(wanted)
    st.session_state[_WRITTEN] = query_params()


def choose_event(event_id: str | None) -> None:
    set_view(replace(current_view(), event=event_id))


def clicked(tooltip: str | None) -> bool:
    """Whether the map's last click is new: st_folium repeats the last click on every rerun."""
    state = st.session_state
    if tooltip == state.get(_CLICK):
        return False
    state[_CLICK] = tooltip
    return tooltip is not None


def focus() -> str | None:
    """The event a link opened the map on, until the filters or the window move."""
    value = st.session_state.get(_FOCUS)
    return value if isinstance(value, str) else None


def let_go_of_focus() -> None:
    st.session_state[_FOCUS] = None
