"""The order of our plugins within an event is decided in one table, and the table keeps the order it promises."""

import re
from pathlib import Path

from smartshare import priorities as p

PACKAGE = Path(p.__file__).parent


def test_no_plugin_writes_a_priority_of_its_own():
    literal = re.compile(r"@event_priority\(\s*-?\d")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert found == []


def test_every_priority_of_the_table_is_used_and_within_mkdocs_scale():
    names = [name for name in vars(p) if name.isupper()]
    sources = "".join(path.read_text(encoding="utf-8") for path in PACKAGE.glob("*/plugin.py"))
    assert [name for name in names if f"priorities.{name})" not in sources] == []
    assert all(-100 <= getattr(p, name) <= 100 for name in names)


def test_the_orders_the_plugins_rely_on():
    assert p.LOAD_CURRICULUM > p.FEEDBACK_SETUP  # feedback reads the curriculum the curriculum plugin loaded
    assert p.QUIZ_SUMMARY > p.MODULE_FRAME > 0 > p.FEEDBACK_BLOCK  # summary, then header/footer, then feedback
    assert p.CURRICULUM_RELEASE > p.QUIZ_RELEASE  # cards are back before the quiz fills their progress slots
    assert 0 > p.HANDOUTS_CAPTURE > p.FEEDBACK_BLOCK  # handouts see content without answer keys, with mentor notes
    assert p.RICH_LOADER > p.HOST_CHECK_LOADERS  # the host check finds our loader, not the theme's CDN one
    # a page's content is packed after every plugin has written it and unpacked before any reads it again
    assert min(p.CERTIFICATE, p.FEEDBACK_BLOCK, p.HANDOUTS_CAPTURE, p.HOST_CHECK_LOADERS) > p.CONTENT_PACK
    assert max(p.CACHE_CLAIM, p.MENTOR_NAVIGATION, p.CACHE_PAGE_TEMPLATE) <= p.CONTENT_UNPACK
    assert p.SEARCH_DEFAULTS > 0  # the search plugin (0) keeps the defaults we set for options a site left unset
    # the leak check reads the finished site; the other languages follow it, and the collector's release is last
    assert 0 > max(p.OFFLINE_EDITION, p.HANDOUTS_WRITE) > p.MENTOR_LEAK_CHECK > p.OTHER_LANGUAGES > p.BUILD_RELEASE
