"""The events table for the current filters and timeline window, with downloads of exactly those rows."""

import streamlit as st

from strikemap import timeline, ui
from strikemap.export import to_csv, to_geojson, view_row

ui.demo_notice()
st.title("Events")
views, filters = ui.filtered_views()
window = st.session_state.get("window")
if window and st.toggle(
    f"Only the timeline window, {window[0]} to {window[1]} (set on the Map page)", value=True
):
    views = timeline.in_window(views, window)
else:
    window = None
ui.share(filters, window)
rows = [view_row(v) for v in views]
st.caption(f"{len(rows)} events match the filters")
st.dataframe(ui.table(rows), hide_index=True, use_container_width=True)
left, right = st.columns(2)
left.download_button("Download CSV", to_csv(rows), file_name="kyiv-strikes.csv", mime="text/csv")
right.download_button(
    "Download GeoJSON", to_geojson(views), file_name="kyiv-strikes.geojson", mime="application/geo+json"
)
chosen = st.selectbox("Show an event", [v.event.id for v in views], index=None, placeholder="Event id")
if chosen:
    ui.event_panel(next(v for v in views if v.event.id == chosen))
