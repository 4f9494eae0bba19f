"""The bar charts of the reports and the dashboard, inline SVG written on the server."""
import re

from devparty_admin.reports.charts import bar_chart
from devparty_admin.reports.tables import Chart


def _bars(svg: str) -> list[tuple[str, str]]:
    """Each bar's width and its title."""
    return re.findall(r'<rect class="bar" [^>]*width="([^"]+)"[^>]*><title>(.*?)</title>', svg,
                      re.S)


def test_bars_are_scaled_to_the_largest_and_labelled_with_their_value():
    svg = str(bar_chart(Chart(["2024", "2025", "2026"], [("Kết nạp", [4, 1.25, None])]),
                        "chart-years"))
    assert svg.startswith('<figure class="chart" id="chart-years">')
    assert 'viewBox="0 0 720 126"' in svg and 'aria-label="Kết nạp"' in svg
    assert _bars(svg) == [("420.0", "Kết nạp: 4"), ("131.2", "Kết nạp: 1.25"), ("0.0", "Kết nạp: 0")]
    assert re.findall(r'font-size="11">([^<]*)<', svg) == ["4", "1.2", "0"]


def test_labels_and_names_are_escaped_long_labels_cut_and_colours_cycle():
    long, longer = "Đảng bộ " + "x" * 35, "Đảng bộ " + "y" * 36  # 43 and 44 characters
    series = [(f"<{n}>", [n, 1, 1]) for n in range(1, 6)]
    svg = str(bar_chart(Chart([long, longer, 'Chi bộ <A> & "B"'], series), "c"))
    labels = re.findall(r'text-anchor="end" font-size="12">(.*?)</text>', svg)
    assert labels == [long, "Đảng bộ " + "y" * 29 + "…", "Chi bộ &lt;A&gt; &amp; &#34;B&#34;"]
    assert "<title>&lt;1&gt;: 1</title>" in svg and "<1>" not in svg
    legend = re.findall(r'height="12" fill="(#\w+)"/>', svg)
    assert legend == ["#c8102e", "#f2a900", "#2e6da4", "#5a9a3b", "#c8102e"]
