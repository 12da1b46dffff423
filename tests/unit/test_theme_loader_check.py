"""A page with a Mermaid diagram passes the theme-loader check only when a live local loader provides Mermaid:
the quick test for smartshare/rich's loader must not accept one that a browser would never run."""

from __future__ import annotations

from smartshare.intranet import external
from smartshare.intranet.external import check_theme_loaders

SOURCE = "# Title\n\n```mermaid\ngraph TD; A-->B\n```\n"
DIAGRAM = '<h1>Title</h1>\n<pre class="mermaid"><code>graph TD; A--&gt;B</code></pre>\n'
LOADER = '\n<script data-smartshare-provides="mermaid">\nload();\n</script>\n'


def _codes(html: str) -> list[str]:
    return [p.code for p in check_theme_loaders(html, "ai/chatbots.md", SOURCE)]


def test_a_diagram_with_the_local_loader_after_it_is_fine():
    assert _codes(DIAGRAM + LOADER) == []
    assert _codes(DIAGRAM + LOADER.replace('"mermaid"', '"katex mermaid"')) == []


def test_a_diagram_without_a_loader_for_mermaid_is_an_error():
    assert _codes(DIAGRAM) == ["theme-loader"]
    assert _codes(DIAGRAM + LOADER.replace('"mermaid"', '"katex"')) == ["theme-loader"]


def test_a_loader_hidden_in_an_open_comment_or_script_does_not_count():
    assert _codes(DIAGRAM + "<!-- unfinished comment" + LOADER) == ["theme-loader"]
    assert _codes(DIAGRAM + "<script>var open = 1;" + LOADER) == ["theme-loader"]


def test_placeholders_for_late_html_between_the_diagram_and_the_loader_hide_nothing(monkeypatch):
    late = "<!--smartshare-late-quiz-7d8d4a5a173f6c54-12-->\n</div><!--smartshare-late-curriculum-7d8d4a5a173f6c54-3-->"
    assert _codes(DIAGRAM + late + LOADER) == []
    # decided without parsing the page, which the largest pages with a diagram made costly
    monkeypatch.setattr(external, "_parse", None)
    assert _codes(DIAGRAM + late + LOADER) == []


def test_other_comments_between_them_are_left_to_the_parser():
    # the parser ends this comment at `-- >`: the `<script>` after it is open and hides the loader
    assert _codes(DIAGRAM + "<!-- note -- ><script>-->" + LOADER) == ["theme-loader"]
    assert _codes(DIAGRAM + "<!-- note, closed -->" + LOADER) == []
