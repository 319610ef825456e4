"""The dashboard: what the pages draw and how, and the Streamlit glue they share.

Only `ui`, `ui_panel` and `session` import Streamlit; the map (`render`, `overlays`, `framing`,
`colours`, `assets`), the panel's words (`panels`), the timeline, who reported what (`coverage`)
and the view in the URL (`params`) are plain functions, tested without it. The pages in `pages/`
call into this package and hold no logic of their own.
"""
