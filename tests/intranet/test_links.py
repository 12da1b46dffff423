"""A broken internal link or anchor fails the strict build, naming the file, line and column of the link."""

import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.intranet.links import find_links

CONFIG = {
    "plugins": ["search", "smartshare/curriculum", "smartshare/intranet"],
    "validation": {"links": {"not_found": "info", "anchors": "info"}},
}

BODY = """
## Costs

See [the next module](machine-learning.md#costs) and [a lost page](missing.md).

`[shown as code](nope.md)`

```markdown
[inside a fence](nope.md)
```

[fine](machine-learning.md) [this heading](#costs) [typo](#cost) [as a URL](../machine-learning/)
[external](https://example.com/missing.md) ![picture](images/chart.png)
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    tree = basic_tree()
    tree["ai/chatbots.md"] = module("Chatbots") + BODY
    return build_site(tmp_path_factory.mktemp("links"), tree, config=CONFIG, strict=True)


def test_broken_links_fail_the_strict_build(broken):
    assert broken.returncode == 1
    assert "Aborted with 4 warnings in strict mode!" in broken.output


def test_each_broken_link_is_reported_at_its_line_and_column(broken):
    ours = [line.split("smartshare: ", 1)[1] for line in broken.warnings if "[broken-link]" in line]
    assert ours == [
        "curricula/ai/chatbots.md:19:23: warning [broken-link] link 'machine-learning.md#costs' leads nowhere: "
        "ai/machine-learning.md has no heading or anchor '#costs' — link to a heading's anchor (shown by the ¶ sign beside it)",
        "curricula/ai/chatbots.md:19:68: warning [broken-link] link 'missing.md' leads nowhere: "
        "no page or file ai/missing.md in the docs folder — create ai/missing.md or fix the link",
        "curricula/ai/chatbots.md:27:59: warning [broken-link] link '#cost' leads nowhere: "
        "this page has no heading or anchor '#cost' — did you mean 'costs'?",
        "curricula/ai/chatbots.md:28:55: warning [broken-link] link 'images/chart.png' leads nowhere: "
        "no page or file ai/images/chart.png in the docs folder — create ai/images/chart.png or fix the link",
    ]


def test_mkdocs_own_reports_without_a_line_stay_out_of_the_warnings(broken):
    assert all("[broken-link]" in line for line in broken.warnings)


def test_a_site_with_sound_links_builds_strictly(tmp_path):
    tree = basic_tree()
    tree["ai/chatbots.md"] = (
        module("Chatbots") + "\n## Costs\n\n[next](machine-learning.md) [here](#costs) [track](index.md)\n"
    )
    tree["ai/machine-learning.md"] += "\n[back](chatbots.md#costs) [browser style](../chatbots/#costs)\n"
    build = build_site(tmp_path, tree, config=CONFIG, strict=True)
    assert build.returncode == 0, build.output


def test_links_are_located_in_the_file_not_in_the_body():
    source = '---\ntitle: T\n---\n\nText [a](a.md)\n\n<a href="b.md">b</a>\n[ref]: <c d.md>\n'
    assert [(link.target, link.line, link.column) for link in find_links(source)] == [
        ("a.md", 5, 10),
        ("b.md", 7, 10),
        ("c d.md", 8, 9),
    ]


def test_code_is_not_searched_for_links():
    source = "~~~~\n[x](a.md)\n~~~\n[y](b.md)\n~~~~\n`[z](c.md)` [w](d.md)\n"
    assert [link.target for link in find_links(source)] == ["d.md"]


def test_an_indented_code_block_is_code_but_an_indented_list_paragraph_is_not():
    source = 'Text\n\n    <a href="b.md">shown as code</a>\n\n- item\n\n    [in the item](f.md)\n'
    assert [(link.target, link.line) for link in find_links(source)] == [("f.md", 7)]


def test_an_image_inside_a_link_gives_two_links_and_brackets_cost_linear_time():
    assert [link.target for link in find_links("[![logo](logo.png)](home.md)\n")] == ["logo.png", "home.md"]
    assert list(find_links("[a](" * 20_000 + "\n" + "[" * 50_000 + "\n" + "`" * 50_000)) == []


def test_the_lines_searched_for_links_are_those_that_can_hold_one():
    from smartshare.intranet.links import _link_lines

    body = "text\n[ref]: a.md\n    [deep](b.md)\n   [x\nsome [inline](c.md) here\n<a href='d.md'>\nwide    [no\n\n]("
    lines = body.split("\n")
    expected = [i for i, line in enumerate(lines) if "](" in line or "[" in line[:4] or "=" in line]
    assert list(_link_lines(body)) == expected == [1, 2, 3, 4, 5, 8]
