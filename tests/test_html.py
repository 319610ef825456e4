"""Saved web pages: share bars, related-links lists and "Read also" lines never reach the text."""

from __future__ import annotations

import pytest

from strikemap import _html

LEAD = (
    "Russian drones attacked the capital overnight, the city military administration said on Monday. "
    "Air defence was working for several hours, and rescuers worked at three sites until the morning. "
)
BODY = (
    f"<h1>Drones hit the capital overnight</h1><p>{LEAD * 3}</p>"
    "<p>Damage was reported in these districts:</p>"
    "<ul><li>Darnytskyi district: a warehouse caught fire;</li>"
    "<li>Obolonskyi district: debris fell in a yard.</li></ul>"
    f"<p>{LEAD * 2}</p>"
)
SHARE = (
    '<div class="share-bar"><span>Share</span> <a href="#">Facebook</a> <a href="#">Telegram</a> '
    '<a href="#">X</a></div>'
)
READ_ALSO = '<p><strong>Read also:</strong> <a href="/old">Debris fell in Podilskyi district in May</a></p>'
RELATED = (
    '<div class="related-news"><h3>Related</h3>'
    '<ul><li><a href="/a">Blasts in Sviatoshynskyi district</a></li>'
    '<li><a href="/b">Air defence over Pecherskyi district</a></li></ul></div>'
)
LINK_ITEMS = '<li><a href="/c">Holosiivskyi district: school hit</a></li><li><a href="/d">More</a></li>'
LINK_LIST = f"<ul>{LINK_ITEMS}</ul>"
JUNK = ("Share", "Facebook", "Telegram", "Read also", "Podilskyi", "Related", "Sviatoshynskyi", "Pecherskyi")
JUNK += ("Holosiivskyi",)


def page(article: str) -> str:
    return (
        "<html><head><title>Drones hit the capital | Example News</title>"
        '<meta property="og:site_name" content="Example News"></head>'
        f'<body><nav><a href="/">Home</a></nav><article>{article}</article></body></html>'
    )


@pytest.mark.parametrize(
    "article",
    [
        f"{SHARE}{BODY}{READ_ALSO}{RELATED}",
        f"{BODY[:-4]}{READ_ALSO}</p>{LINK_LIST}{SHARE}",
        f"{READ_ALSO}{BODY}{RELATED}{LINK_LIST}",
        # a short brief: our own reader's text
        f"{SHARE}<h1>Drones hit the capital overnight</h1><p>Drones hit the city.</p>{READ_ALSO}{RELATED}",
    ],
)
def test_share_bars_related_lists_and_read_also_do_not_reach_the_text(article: str) -> None:
    text, meta = _html.html_fields(page(article))
    assert [word for word in JUNK if word in text] == []
    assert text.startswith("Drones hit the capital overnight")
    assert meta["source"] == "Example News"


def test_the_article_text_and_its_district_list_are_kept() -> None:
    text, _ = _html.html_fields(page(f"{SHARE}{BODY}{READ_ALSO}{RELATED}"))
    assert "Darnytskyi district: a warehouse caught fire;" in text
    assert "Obolonskyi district: debris fell in a yard." in text
    assert text.count("rescuers worked at three sites") == 5


@pytest.mark.parametrize(
    "line",
    [
        "Read also: Debris fell on a house in the suburbs",
        "READ MORE: How the night went",
        "See also - the map of the attack",
        "Related: Drones over the city",
        "Also read | Rescuers finish work",
        "More on this story: the mayor's statement",
        "Читайте також: Уламки впали на Подолі",
        "Читайте также: Обломки упали на Подоле",
        "Related articles",
        "Share this article",
        "Share on Telegram",
        "Follow us on X",
        "Most read",
    ],
)
def test_pointer_and_label_lines_are_dropped(line: str) -> None:
    assert _html.drop_link_lines(f"Kept first.\n{line}\nKept last.") == "Kept first.\nKept last."


@pytest.mark.parametrize(
    "line",
    [
        "Readers also said the sirens were loud.",
        "Related damage was found in a second district.",
        "She said she would read more about the attack later.",
        "Shares of the energy company fell after the strike.",
        "See the map below: three districts were hit.",
        "Rescuers shared photos of the damaged building.",
    ],
)
def test_article_sentences_that_look_like_labels_are_kept(line: str) -> None:
    text = f"Kept first.\n{line}\nKept last."
    assert _html.drop_link_lines(text) == text


def test_a_page_trafilatura_finds_nothing_in_is_read_by_our_reader() -> None:
    text, _ = _html.html_fields("<html><body><div>Loose text<br>on two lines</div></body></html>")
    assert text == "Loose text\non two lines"


def test_a_two_megabyte_page_is_read_in_reasonable_time() -> None:
    import time

    big = page(BODY + "".join(f"<p>{LEAD} Paragraph {n}.</p>" for n in range(10000)) + RELATED)
    assert len(big) > 2_000_000
    start = time.perf_counter()
    text, _ = _html.html_fields(big)
    assert time.perf_counter() - start < 60  # ~15 s on 2 shared cores; quadratic work takes minutes
    assert "Paragraph 9999." in text and "Sviatoshynskyi" not in text


def test_a_stub_article_element_does_not_hide_the_story_beside_it() -> None:
    html = (
        "<html><head><title>Drones hit the capital</title></head><body>"
        "<article class='preview'><p>Preview</p></article>"
        f"<div class='story-body'>{BODY}</div></body></html>"
    )
    text, _ = _html.html_fields(html)
    assert "rescuers worked at three sites" in text and "Obolonskyi district" in text
