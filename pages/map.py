"""The map: Kyiv's districts, one marker per place hit, a timeline window and the event panel."""

import streamlit as st

from strikemap import render, timeline, ui

ui.demo_notice()
st.title("Kyiv Strike Map")
views, filters = ui.filtered_views()
chart = st.container()
window = ui.timeline_window(views)
shown = timeline.in_window(views, window) if window else []
ui.share(filters, window)

options = st.columns(3)
shaded = options[0].toggle("Shade districts by events", value=True)
tiles = options[1].toggle("Web map tiles (needs internet)", value=False)
markers = render.markers(shown)
options[2].caption(f"{len(shown)} events · {len(markers)} markers in the window")

result = ui.kyiv_map(shown, markers, shaded=shaded, tiles=tiles)
ui.timeline_chart(views, chart)
ui.legend(shown, shaded=shaded)

tooltip = (result or {}).get("last_object_clicked_tooltip")
selected = render.event_id_from_tooltip(tooltip)
point = render.place_from_tooltip(tooltip)
if point and not selected:
    here = {v.event.id: v for v in render.events_at(shown, point)}
    labels = {event_id: ui.event_label(view) for event_id, view in here.items()}
    selected = st.selectbox(f"{len(here)} events at this place", list(here), format_func=labels.__getitem__)
chosen = next((v for v in shown if v.event.id == selected), None)
if chosen:
    ui.event_panel(chosen)
else:
    st.info("Click a marker to see the event and how each outlet reported it.")
