"""How well each HTML reader finds a saved news page's main text, title, date and site name.

Usage: python bench/html_reader.py FOLDER [--repeat 3]

FOLDER holds saved pages `NAME.html`, each with its expected main text `NAME.expected.txt`
and, where known, `NAME.meta.json` ({"title": ..., "date": "YYYY-MM-DD", "site": ...}).
Third-party pages stay outside the repository; bench/RESULTS.md says which were used.

Prints, per page and in total, bag-of-words precision, recall and F1 of each reader against
the expected text, the lines of link-list junk ("Read also:", "Related", share bars) that
reached the text, the metadata each reader got right, and pages per second.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strikemap import _html

Reader = Callable[[str], tuple[str, dict[str, str | None]]]

_WORD = re.compile(r"\w+")
_JUNK = re.compile(
    r"(?:read|see) (?:also|more)\b|related(?: (?:stories|articles|news|links|coverage|content))?\s*:?\s*$"
    r"|more (?:stories|from|on)\b|most (?:popular|read)\b|share (?:this|on|via)\b|^share\s*$"
    r"|follow us\b|sign up\b|subscribe\b|recommended\b|advertisement\b|you (?:may|might) also like",
    re.IGNORECASE,
)


def trafilatura_only(html: str) -> tuple[str, dict[str, str | None]]:
    """trafilatura alone, no fallback and no clean-up of ours: the library as it comes."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return "", {}
    found = doc.as_dict()
    meta = {"title": found.get("title"), "published": found.get("date"), "source": found.get("sitename")}
    return found.get("text") or "", meta


READERS: dict[str, Reader] = {
    "current": _html.soup_fields,
    "trafilatura": trafilatura_only,
    "ours now": _html.html_fields,
}


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def prf(found: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the words of `found` against `expected`, as bags."""
    got, want = words(found), words(expected)
    common = sum((got & want).values())
    p = common / max(sum(got.values()), 1)
    r = common / max(sum(want.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def junk_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if len(line) < 120 and _JUNK.search(line))


def _same(found: str | None, want: str | None, *, date: bool = False) -> bool | None:
    if not want:
        return None
    if not found:
        return False
    if date:
        return found[:10] == want
    norm = lambda s: "".join(_WORD.findall(s.lower()))  # noqa: E731
    return norm(want) in norm(found) or norm(found) in norm(want)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs per page for the timing")
    args = parser.parse_args()
    pages = sorted(p for p in args.folder.glob("*.html") if p.with_suffix(".expected.txt").exists())
    blank = {"p": 0.0, "r": 0.0, "f": 0.0, "junk": 0, "secs": 0.0}
    totals = {name: {**blank, "meta": Counter()} for name in READERS}
    print("| page | KB | " + " | ".join(f"{n} P/R/F1 (junk)" for n in READERS) + " |")
    print("|---|---|" + "---|" * len(READERS))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        meta_file = page.with_suffix(".meta.json")
        want = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        cells = []
        for name, reader in READERS.items():
            reader(html)  # warm-up: imports and caches are not the page's time
            start = time.perf_counter()
            for _ in range(args.repeat):
                text, meta = reader(html)
            t = totals[name]
            t["secs"] += (time.perf_counter() - start) / args.repeat
            p, r, f = prf(text, expected)
            junk = junk_lines(text)
            t["p"], t["r"], t["f"], t["junk"] = t["p"] + p, t["r"] + r, t["f"] + f, t["junk"] + junk
            for key, field in (("title", "title"), ("date", "published"), ("site", "source")):
                ok = _same(meta.get(field), want.get(key), date=key == "date")
                if ok is not None:
                    t["meta"][key] += ok
                    t["meta"][key + " of"] += 1
            cells.append(f"{p:.2f}/{r:.2f}/{f:.2f} ({junk})")
        print(f"| {page.stem} | {len(html.encode()) // 1024} | " + " | ".join(cells) + " |")
    n = max(len(pages), 1)
    print(f"\n{len(pages)} pages\n")
    print("| reader | precision | recall | F1 | junk lines | title | date | site | pages/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, t in totals.items():
        m = t["meta"]
        got = [f"{m[k]}/{m[k + ' of']}" for k in ("title", "date", "site")]
        rate = len(pages) / t["secs"] if t["secs"] else 0.0
        print(
            f"| {name} | {t['p'] / n:.3f} | {t['r'] / n:.3f} | {t['f'] / n:.3f} | {t['junk']} | "
            + " | ".join(got)
            + f" | {rate:.1f} |"
        )


if __name__ == "__main__":
    main()
