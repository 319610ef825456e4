"""Outlets and articles behind the events, and which outlet covered which event."""

import streamlit as st

from strikemap.dashboard import coverage, session, ui

ui.through_router()
ui.demo_notice()
st.title("Sources")
views, _ = ui.filtered_views()
views = ui.with_sources(ui.window_toggle(views))
session.share()
st.header("Outlets")
st.dataframe(coverage.outlets(views), hide_index=True, width="stretch")
st.header("Coverage")
st.caption("✓ reported the attack as news · ↺ only recalled it · blank: did not report it")
st.dataframe(coverage.matrix(views), hide_index=True, width="stretch")
st.header("Articles")
st.dataframe(
    coverage.articles(views),
    hide_index=True,
    width="stretch",
    column_config={"Link": st.column_config.LinkColumn("Link", display_text=coverage.LINK_TEXT)},
)
