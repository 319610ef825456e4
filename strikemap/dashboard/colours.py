"""Colour arithmetic for the map's palette: WCAG contrast and perceptual distance.

Lets the tests prove that marker colours stand out from the map and from the district shading.
"""

from __future__ import annotations

import math
import re

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def rgb(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` (or ``#rgb``) as three channels between 0 and 1."""
    if not _HEX.fullmatch(colour):
        raise ValueError(f"expected a colour like #c0392b, got {colour!r}")
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def hex_colour(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in channels)


def blend(top: str, bottom: str, opacity: float) -> str:
    """What ``top`` drawn at ``opacity`` over ``bottom`` looks like."""
    pairs = zip(rgb(top), rgb(bottom), strict=True)
    red, green, blue = (t * opacity + b * (1 - opacity) for t, b in pairs)
    return hex_colour((red, green, blue))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    red, green, blue = (_linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white); 3 is enough for graphics."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65 white)."""
    red, green, blue = (_linear(c) for c in rgb(colour))
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(first: str, second: str) -> float:
    """CIE76 colour difference: about 2 is just noticeable, above 25 two colours read apart."""
    return math.dist(lab(first), lab(second))


def hue_apart(first: str, second: str) -> float:
    """Degrees between the two colours' hues (0 to 180); 180 when either is a grey."""
    (_, a1, b1), (_, a2, b2) = lab(first), lab(second)
    if math.hypot(a1, b1) < GREY_CHROMA or math.hypot(a2, b2) < GREY_CHROMA:
        return 180.0
    apart = abs(math.degrees(math.atan2(b1, a1)) - math.degrees(math.atan2(b2, a2))) % 360
    return min(apart, 360 - apart)


GREY_CHROMA = 12.0
"""Below this CIE chroma a colour reads as a grey, with no hue to confuse."""
