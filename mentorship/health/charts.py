"""The dashboard's charts, drawn on the server as SVG by pygal from a figure's Table.

Each chart is its own image (served as image/svg+xml by views.chart), so the
page itself keeps its Content Security Policy: pygal's <style> lives inside the
image, where no script can run. The page prints every chart's numbers in a
table beside it, so the image is never the only way to read them.
"""

import pygal
from pygal.style import Style

from .figures import Table

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1d2327",
    foreground_strong="#1d2327",
    foreground_subtle="#4f5b62",
    opacity="1",
    opacity_hover="1",
    colors=("#0b6565", "#8a4b0f", "#4f5b62"),
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=14,
    value_colors=("#1d2327",),
    value_label_font_size=14,
    title_font_size=16,
    tooltip_font_size=14,
    no_data_font_size=18,
)
OPTIONS = {
    "style": STYLE,
    "js": [],  # no script: the image is read, never run
    "show_legend": False,
    "width": 640,
    "height": 320,
    "print_values": True,
    "print_values_position": "top",
    "disable_xml_declaration": False,
    "margin": 16,
    "truncate_label": -1,
}


def _number(value) -> float | None:
    if value in ("", None):
        return None
    if isinstance(value, str):
        value = value.rstrip("%")
    return float(value)


def _ticks(values: list[float | None]) -> list[int]:
    """Whole-number ticks from 0 to just past the largest count, about five of them."""
    top = max([v for v in values if v is not None] or [0])
    step = max(1, -(-int(top) // 5))
    return list(range(0, int(top) + step + 1, step))


def draw(
    table: Table,
    *,
    column: int = 1,
    horizontal: bool = True,
    line: bool = False,
    percent: bool = False,
    range_: tuple[float, float] | None = None,
) -> str:
    """The SVG of `table`: its first column as labels, `column` as the values."""
    kind = pygal.Line if line else pygal.HorizontalBar if horizontal else pygal.Bar
    options = dict(OPTIONS)
    if percent:
        options.update(range=(0, 100), value_formatter=lambda v: f"{v:.0f}%")
    elif range_:
        options.update(range=range_, value_formatter=lambda v: f"{v:.1f}")
    else:
        options.update(value_formatter=lambda v: f"{v:.0f}")
    # A horizontal chart draws its first row at the bottom: reversed, it reads as the table.
    rows = list(reversed(table.rows)) if horizontal and not line else table.rows
    values = [_number(row[column]) for row in rows]
    if not (percent or range_):
        ticks = _ticks(values)
        options.update(range=(0, ticks[-1]), y_labels=ticks)
    chart = kind(**options)
    chart.x_labels = [str(row[0]) for row in rows]
    chart.add(table.header[column], values)
    # Empty, or every point held back as too few answers: the table beside says why.
    chart.no_data_text = "No totals to draw: the table beside says why"
    return chart.render(is_unicode=True)
