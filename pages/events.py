"""The events table for the current filters and timeline window, with downloads of exactly those rows."""

import streamlit as st

from strikemap.dashboard import session, ui
from strikemap.export import row, to_csv, to_geojson

ui.through_router()
ui.demo_notice()
st.title("Events")
views, _ = ui.filtered_views()
views = ui.window_toggle(views)
session.share()
rows = [row(v) for v in views]
st.caption(f"{len(rows)} events match the filters")
st.dataframe(ui.table(rows), hide_index=True, width="stretch")
left, right = st.columns(2)
left.download_button("Download CSV", to_csv(rows), file_name="kyiv-strikes.csv", mime="text/csv")
right.download_button(
    "Download GeoJSON", to_geojson(views), file_name="kyiv-strikes.geojson", mime="application/geo+json"
)
chosen = st.selectbox("Show an event", [v.id for v in views], index=None, placeholder="Event id")
if chosen:
    ui.event_panel(chosen)
