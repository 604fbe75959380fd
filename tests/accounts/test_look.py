"""The palette's text/background pairs meet WCAG AA, computed from the stylesheet."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text()
COLORS = dict(re.findall(r"--color-([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))

# (foreground, background, minimum ratio): body text 4.5, focus ring 3.
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "surface", 4.5),
    ("accent-dark", "accent-soft", 4.5),
    ("text", "accent-soft", 4.5),
    ("warm", "warm-soft", 4.5),
    ("text", "warm-soft", 4.5),
    ("error", "surface", 4.5),
    ("error", "error-soft", 4.5),
    ("text", "error-soft", 4.5),
    ("focus", "bg", 3.0),
    ("focus", "surface", 3.0),
]


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_colour_pair_meets_wcag_aa(fg, bg, minimum):
    assert contrast(COLORS[fg], COLORS[bg]) >= minimum


def test_white_button_text_on_the_accent_meets_wcag_aa():
    assert contrast("#ffffff", COLORS["accent"]) >= 4.5
    assert contrast("#ffffff", COLORS["accent-dark"]) >= 4.5
    assert contrast("#ffffff", COLORS["error"]) >= 4.5


def test_body_text_is_at_least_16px_and_tap_targets_44px():
    assert re.search(r"--text-md:\s*1rem", CSS)
    assert re.search(r"--tap:\s*44px", CSS)
