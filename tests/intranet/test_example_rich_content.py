"""The example curriculum shows every rich content feature at least once, so each is built and tested."""

import pytest

FEATURES = {
    "flowchart": '<pre class="mermaid"><code>flowchart',
    "sequence diagram": '<pre class="mermaid"><code>sequenceDiagram',
    "timeline": '<pre class="mermaid"><code>timeline',
    "mind map": '<pre class="mermaid"><code>mindmap',
    "inline formula": '<span class="arithmatex">',
    "block formula": '<div class="arithmatex">',
    "highlighted code": '<span class="kn">import</span>',
    "line numbers": '<td class="linenos">',
    "highlighted line": '<span class="hll">',
    "inline code highlighting": '<code class="language-python highlight">',
    "content tabs": '<div class="tabbed-set tabbed-alternate"',
    "admonition": '<div class="admonition tip">',
    "collapsible block": '<details class="example">',
    "task list": '<li class="task-list-item">',
    "keyboard keys": '<kbd class="key-control">Ctrl</kbd>',
    "glossary term": '<abbr tabindex="0" title="Return on ad spend',
    "image with caption": "<figcaption>",
    "lazy image linked to its full size": 'class="smartshare-image-link"',
    "video with captions": '<track kind="captions" src="../mute-in-the-room.vtt"',
}


@pytest.fixture(scope="module")
def pages(example_site):
    return "\n".join(p.read_text(encoding="utf-8") for p in example_site.rglob("*.html"))


@pytest.mark.parametrize("feature", FEATURES)
def test_the_example_curriculum_uses(pages, feature):
    assert FEATURES[feature] in pages


def test_the_glossary_page_is_built_and_linked_from_the_home_page(example_site):
    for code in ("en", "fr", "zh"):  # each language site's own
        assert 'href="glossary/"' in (example_site / code / "index.html").read_text(encoding="utf-8"), code
        assert "Urchin" in (example_site / code / "glossary/index.html").read_text(encoding="utf-8"), code
