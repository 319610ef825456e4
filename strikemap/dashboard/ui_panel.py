"""The event panel as Streamlit draws it: totals, where sources disagree, a card per report.

Every string from an article is made inert (`panels.inert`) or escaped before it is drawn.
"""

from __future__ import annotations

import html

import streamlit as st

from strikemap.correctable import Correctable
from strikemap.dashboard.panels import (
    date_label,
    disagreements,
    evidence_lines,
    inert,
    report_fields,
    source_line,
)
from strikemap.links import outlet_name
from strikemap.models import Event
from strikemap.views import EventView, Shown

md = inert


def event_panel(view: EventView) -> None:
    """The selected event, then one card per report: its outlet, link, published date, what it
    says, and each sentence behind it once, tagged with what it supports."""
    e = view.event
    st.header(f"{md(date_label(e.date, e.date_precision))} · {md(e.city)}")
    status = f"{view.status}" + (
        f"; corrected by an analyst: {', '.join(view.corrected)}" if view.corrected else ""
    )
    st.caption(f"Event {md(e.id)} · date precision: {md(e.date_precision or 'none')} · {md(status)}")
    if view.notes:  # why analysts corrected or judged it, oldest first; one save's note once
        st.markdown("**Analysts' notes:** " + " · ".join(md(note) for note in dict.fromkeys(view.notes)))
    a, b, c, d = st.columns(4)
    a.metric("Killed", "?" if e.killed is None else e.killed)
    b.metric("Injured", "?" if e.injured is None else e.injured)
    c.metric("Intercepted", "?" if e.intercepted is None else e.intercepted)
    d.metric("Independent sources", e.sources_count)
    places = "; ".join(f"{p.name} ({p.precision})" for p in e.places) or "-"
    st.markdown(
        f"**Districts:** {md(', '.join(e.districts) or 'none named (city-level)')}  \n"
        f"**Places:** {md(places)}  \n**Weapons:** {md(', '.join(e.weapons) or 'not stated')}"
        + (f" ({md(', '.join(e.weapon_models))})" if e.weapon_models else "")
        + f"  \n**Damage:** {md(', '.join(e.damage) or 'not stated')}"
    )
    for sentence in disagreements(e):
        st.warning(md(sentence), icon="⚖️")
    for flag in e.flags:
        st.warning(f"Check this: {md(flag)}", icon="⚠️")
    for report in e.reports:
        with st.container(border=True):
            st.markdown(f"**{md(outlet_name(report))}** · {md(report.role)} report")
            st.markdown(f"<small>{source_line(report)}</small>", unsafe_allow_html=True)
            fields = report_fields(report)
            st.markdown(" · ".join(f"**{k}:** {md(v)}" for k, v in fields.items()))
            for line in evidence_lines(report):
                tags = "".join(f"<span style='{_TAG}'>{html.escape(t)}</span>" for t in line.tags)
                st.markdown(
                    f"<div class='evidence' style='{_EVIDENCE}'>{line.html} {tags}</div>",
                    unsafe_allow_html=True,
                )


_EVIDENCE = "border-left:3px solid #d5d8de;padding:.1em 0 .1em .7em;margin:.1em 0 .35em"
"""A quoted sentence: a thin rule on its left, a little space below it."""
_TAG = (
    "display:inline-block;margin:0 .3em 0 0;padding:0 .5em;border-radius:.7em;font-size:.8em;"
    "line-height:1.5;background:#e8eaf0;color:#31333f;white-space:nowrap"
)
"""A small grey label: dark text on light grey (contrast about 11:1)."""


def event_label(view: Shown) -> str:
    """How an event is named in a picker: date (a month as 'May 2023'), city and districts."""
    return f"{date_label(view.date, view.date_precision)} · {view.city} · {', '.join(view.districts) or '-'}"


def correction_input(field: Correctable, event: Event) -> object:
    """The review form's widget for a correctable field, filled with the event's value."""
    if field.kind == "text":
        return st.text_input(field.label, value=field.current(event) or "")
    if field.kind == "choices":
        return st.multiselect(
            field.label, field.choices, default=[v for v in getattr(event, field.name) if v in field.choices]
        )
    return st.number_input(field.label, min_value=0, value=field.current(event), step=1)
