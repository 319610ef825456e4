"""Kyiv Strike Map's server: `streamlit run app.py` serves the pages of streamlit_app.py.

Streamlit runs no page code until a browser connects, so the first visitor after a start would wait
for pandas, folium and SQLAlchemy to load and for the store to be read. This server does both as it
starts, before it answers (strikemap/dashboard/startup.py). `streamlit run streamlit_app.py` serves
the same pages without it.
"""

import streamlit as st

from strikemap.dashboard.startup import warmed

app = st.App("streamlit_app.py", lifespan=warmed)
