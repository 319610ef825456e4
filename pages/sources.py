"""Outlets and articles behind the events, and which outlet covered which event."""

import streamlit as st

from strikemap import coverage, ui

ui.demo_notice()
st.title("Sources")
views, filters = ui.filtered_views()
ui.share(filters)
st.subheader("Outlets")
st.dataframe(coverage.outlets(views), hide_index=True, use_container_width=True)
st.subheader("Coverage")
st.caption("✓ reported the attack as news · ↺ only recalled it · blank: did not report it")
st.dataframe(coverage.matrix(views), hide_index=True, use_container_width=True)
st.subheader("Articles")
st.dataframe(coverage.articles(views), hide_index=True, use_container_width=True)
