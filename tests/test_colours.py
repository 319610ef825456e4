"""The map's palette: contrast against the map and hues apart from the district shading."""

from __future__ import annotations

import pytest

from strikemap.dashboard import colours, render


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),
        ("#fff", "#000", 21.0),
    ],
)
def test_contrast_matches_wcag(first: str, second: str, expected: float) -> None:
    assert round(colours.contrast(first, second), 2) == expected


@pytest.mark.parametrize(
    "top, bottom, opacity, expected",
    [
        ("#ff0000", "#0000ff", 1.0, "#ff0000"),
        ("#ff0000", "#0000ff", 0.0, "#0000ff"),
        ("#ffffff", "#000000", 0.5, "#808080"),
    ],
)
def test_blend(top: str, bottom: str, opacity: float, expected: str) -> None:
    assert colours.blend(top, bottom, opacity) == expected


@pytest.mark.parametrize("colour", ["c0392b", "#12345", "#gggggg"])
def test_a_malformed_colour_is_refused(colour: str) -> None:
    with pytest.raises(ValueError, match="expected a colour like"):
        colours.luminance(colour)


@pytest.mark.parametrize("weapon, colour", render.COLOURS.items())
def test_every_weapon_colour_stands_out_from_the_map_background(weapon: str, colour: str) -> None:
    """WCAG's 3:1 for graphics, against Leaflet's grey and the lightest shading drawn on it."""
    lightest = colours.blend(render.SHADES[0], render.BACKGROUND, render.SHADE_OPACITY)
    assert min(colours.contrast(colour, render.BACKGROUND), colours.contrast(colour, lightest)) >= 3.0


@pytest.mark.parametrize("shade", render.SHADES)
@pytest.mark.parametrize("weapon, colour", render.COLOURS.items())
def test_no_weapon_colour_shares_a_hue_with_the_district_shading(
    weapon: str, colour: str, shade: str
) -> None:
    assert colours.hue_apart(colour, shade) >= 45


def test_the_old_orange_drone_colour_fails_the_hue_check() -> None:
    """Regression: drones were #e66101, an orange the shading ramp also uses: markers vanished in it."""
    assert min(colours.hue_apart("#e66101", shade) for shade in render.SHADES[1:]) < 15


def test_weapon_colours_read_apart_from_each_other() -> None:
    palette = list(render.COLOURS.values())
    gaps = [colours.distance(a, b) for i, a in enumerate(palette) for b in palette[i + 1 :]]
    assert min(gaps) > 25
