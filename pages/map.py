"""The map: Kyiv's districts, one marker per place hit, a timeline window and the event panel."""

import streamlit as st

from strikemap.dashboard import render, session, timeline, ui

ui.through_router()
ui.demo_notice()
st.title("Kyiv Strike Map")
views, view = ui.filtered_views()
chart = st.container()
window = ui.timeline_window(views)
shown = timeline.in_window(views, window) if window else []

with st.sidebar:
    st.markdown("**Map**")
    shaded = st.toggle("Shade districts by events", value=True)
    tiles = st.toggle("Web map tiles (needs internet)", value=False)
markers = ui.markers(shown)
st.caption(f"{len(shown)} events · {len(markers)} markers in the window")

result = ui.kyiv_map(shown, markers, shaded=shaded, tiles=tiles)
ui.timeline_chart(views, chart, window)

tooltip = (result or {}).get("last_object_clicked_tooltip")
if session.clicked(tooltip):
    session.choose_event(render.event_id_from_tooltip(tooltip))
point = render.place_from_tooltip(tooltip)
if point and not render.event_id_from_tooltip(tooltip):
    ui.place_picker(render.events_at(shown, point))
ui.events_table(shown)
session.share()
ui.chosen_event_panel(shown)
