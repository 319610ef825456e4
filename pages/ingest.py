"""Add articles (upload or paste), preview what was extracted, save; correct and verify events."""

import streamlit as st

from strikemap import correctable
from strikemap.dashboard import session, ui, ui_panel
from strikemap.dashboard.panels import date_label
from strikemap.errors import StrikeMapError
from strikemap.export import row
from strikemap.review import save_review
from strikemap.uploads import UPLOAD_LIMITS, UPLOAD_MB, fill_in, given, read_uploads
from strikemap.views import STATUSES, EventView

ui.through_router()
ui.demo_notice()
session.share()  # this page does not filter, but the view stays in its URL for a reload or a link
st.title("Add articles")
files = st.file_uploader(
    "Article files",
    type=["txt", "html", "htm", "jsonl", "ndjson", "json", "csv"],
    accept_multiple_files=True,
    key=ui.upload_key(),
    help=UPLOAD_LIMITS,
    max_upload_size=UPLOAD_MB,
)
pasted = st.text_area("…or paste an article (optional header lines: title:, source:, published:, url:)")
st.markdown("For articles that do not say it themselves (what an article says wins):")
outlet_box, published_box, url_box = st.columns(3)
outlet = outlet_box.text_input("Outlet", placeholder="Kyiv Independent")
published = published_box.text_input("Published (YYYY-MM-DD)", placeholder="2023-05-29")
url = url_box.text_input("Article URL", placeholder="https://...")
try:
    form = given(outlet=outlet, published=published, url=url)
except StrikeMapError as err:
    st.error(str(err))
    form = None
if form and (files or pasted.strip()):
    articles, skipped = read_uploads([(f.name, f.getvalue()) for f in files or []], pasted=pasted)
    articles, notes = fill_in(articles, form)
    articles, events, slow = ui.preview(tuple(articles))  # in a child process, each under a time budget
    for item in skipped + slow:
        if item.not_article:
            st.info(f"Left out of {item.path}: {item.reason}")
        else:
            st.error(f"Skipped {item.path}: {item.reason}")
    for note in notes:
        st.info(note)
    status, found = st.empty(), f"{len(articles)} article(s) read · {len(events)} event(s) found"
    status.caption(f"{found} · nothing saved yet")
    st.dataframe(ui.table([row(e) for e in events]), hide_index=True, width="stretch")
    for event in events:
        with st.expander(f"Evidence for {date_label(event.date, event.date_precision)} · {event.city}"):
            ui_panel.event_panel(EventView(event))
    if articles and st.button("Save to the store", type="primary"):
        ui.uploaded_done()
        summary = ui.save_articles(articles)
        status.caption(f"{found} · saved to your store")
        st.success(" ".join(summary.lines()[:2]))

st.divider()
st.header("Review an event")
if saved := st.session_state.pop("review_saved", None):
    st.success(saved)
source = ui.shown_store()  # corrections go to the store the event was read from
labels = {v.id: f"{ui_panel.event_label(v)} · {v.id}" for v in ui.views_of(source)}
chosen = st.selectbox(
    "Event", list(labels), format_func=labels.get, index=None, placeholder="Choose an event", key="reviewing"
)
view = ui.event_view(source, chosen) if chosen else None
if view:
    with st.form("correct"):
        wanted = {field.name: ui_panel.correction_input(field, view.event) for field in correctable.FIELDS}
        note = st.text_input("Note (why)")
        status = st.radio("Review", STATUSES, index=STATUSES.index(view.status), horizontal=True)
        if st.form_submit_button("Save review"):
            try:
                changed = save_review(source, view, wanted, status, note=note or None)
            except StrikeMapError as err:
                st.error(str(err))
            else:
                # Shown after the rerun, which redraws the picker, the form and the panel from the store.
                st.session_state["review_saved"] = (
                    f"Saved: {', '.join(changed) or 'nothing changed'}. Kept apart from the machine's output."
                )
                st.rerun()
    ui_panel.event_panel(view)
