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
outlets = coverage.outlets(views)
st.dataframe(outlets, hide_index=True, width="stretch")
ui.table_download(outlets, "outlets")
st.header("Coverage")
st.caption("✓ reported the attack as news · ↺ only recalled it · blank: did not report it")
covered = coverage.matrix(views)
st.dataframe(covered, hide_index=True, width="stretch")
ui.table_download(covered, "coverage")
st.header("Articles")
articles = coverage.articles(views)
st.dataframe(
    articles,
    hide_index=True,
    width="stretch",
    column_config={"Link": st.column_config.LinkColumn("Link", display_text=coverage.LINK_TEXT)},
)
ui.table_download(articles, "articles")
