"""Kyiv Strike Map: the script Streamlit runs for every page, routing to the pages in pages/.

`streamlit run app.py` serves it, once app.py has loaded the libraries and read the store. Until
the user's store holds an article, the pages show the invented demo corpus from a store of its own
(see strikemap/demo.py).
The filters live here, in the sidebar, so that every page reads and writes the same view.
"""

import logging

import streamlit as st

from strikemap.dashboard import session, ui

st.set_page_config(page_title="Kyiv Strike Map", page_icon=ui.ICON, layout="wide")
try:
    ui.prepare()
    session.sync_view()
    page = st.navigation(
        [
            st.Page("pages/map.py", title="Map", icon=":material/map:", default=True),
            st.Page("pages/events.py", title="Events", icon=":material/table_view:"),
            st.Page("pages/sources.py", title="Sources", icon=":material/newspaper:"),
            st.Page("pages/ingest.py", title="Add & review", icon=":material/upload_file:"),
        ]
    )
    filters = st.sidebar.container()  # kept above what the page adds to the sidebar
    choices = ui.settle_view() if page.url_path != "ingest" else None
    st.session_state[ui.ROUTED] = True
    page.run()
    if choices is not None:
        ui.sidebar_filters(filters, choices)
except Exception:
    logging.getLogger("strikemap").exception("the page at %s failed", st.context.url)
    st.error(ui.PAGE_FAILED)
