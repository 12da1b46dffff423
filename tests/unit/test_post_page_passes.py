"""Themed pages' `on_post_page` passes: the mentor switch placed in the release's own pass, the certificate's and the
feedback block's releases only on the pages that hold one. Each gives the page the plain passes give."""

from __future__ import annotations

from types import SimpleNamespace

from smartshare.certificate import plugin as certificate_plugin
from smartshare.certificate.plugin import CertificatePlugin
from smartshare.feedback.plugin import FeedbackPlugin
from smartshare.mentor.plugin import MentorPlugin
from smartshare.mentor.toggle import CONTENT_START, place_toggle
from smartshare.plugin_support import LateHtml

SWITCH = '<div class="smartshare-mentor-toggle"><button>Mentor view</button></div>'


def _page(src_uri: str, url: str = "") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url, edit_url=None)


def _mentor_plugin() -> MentorPlugin:
    plugin = MentorPlugin()
    plugin.config = SimpleNamespace(enabled=True)
    plugin.late, plugin.toggle, plugin.pages = LateHtml("mentor"), SWITCH, {"mentor/ai/chatbots.md": object()}
    return plugin


def test_a_course_page_gets_the_switch_and_its_held_link_as_in_two_passes():
    plugin, plain = _mentor_plugin(), LateHtml("mentor")
    plain._prefix, plain._marker = plugin.late._prefix, plugin.late._marker
    for held in ('<a href="../mentor/">Mentor page</a>', ""):
        marker = plugin.late.hold(held)
        plain.hold(held)
        for page in (
            f"<main>{CONTENT_START}{marker}<h1>Chatbots</h1></article></main>",  # the marker just after the opening
            f"<main>{marker}{CONTENT_START}<h1>Chatbots</h1>{marker}</article></main>",
            f"<main><article><h1>Chatbots</h1>{marker}</article></main>",  # a theme without the content's opening
            f"<main>{CONTENT_START}<h1>Chatbots</h1></article></main>",
        ):
            plugin.late._held[-1] = plain._held[-1] = held  # each page takes the piece afresh
            expected = plain.release(place_toggle(page, SWITCH))
            assert plugin.on_post_page(page, _page("ai/chatbots.md"), None) == expected, page


def test_a_sheet_gets_the_switch_and_its_answers_open():
    plugin = _mentor_plugin()
    page = f'{CONTENT_START}<details class="smartshare-quiz__answer"><p>A</p></details></article>'
    assert plugin.on_post_page(page, _page("mentor/ai/chatbots.md"), None) == (
        f'{CONTENT_START}{SWITCH}<details class="smartshare-quiz__answer" open><p>A</p></details></article>'
    )


class _Releases(LateHtml):
    def __init__(self) -> None:
        super().__init__("plugin")
        self.released: list[str] = []

    def release(self, output, insert=None):
        self.released.append(output)
        return super().release(output, insert)


def test_the_certificate_is_put_back_on_its_track_page_and_no_other_page_is_searched(monkeypatch):
    track = SimpleNamespace(id="ai")
    curriculum = SimpleNamespace(track_by_index_uri={"ai/index.md": track}.get, modules_of=lambda track: [])
    plugin = CertificatePlugin()
    plugin.config = SimpleNamespace(enabled=True)
    plugin.surface, plugin.env, plugin.t = SimpleNamespace(curriculum=curriculum), object(), None
    plugin.late = _Releases()
    monkeypatch.setattr(certificate_plugin, "certificate_html", lambda *args: "<section>certificate</section>")
    config = SimpleNamespace(site_name="Site")
    held = plugin.on_page_content("<p>track</p>", _page("ai/index.md"), config, None)
    assert plugin.on_page_content("<p>module</p>", _page("ai/chatbots.md"), config, None) == "<p>module</p>"
    assert "<section>" not in held  # out of search's parse
    assert plugin.on_post_page(held, _page("ai/index.md"), None) == "<p>track</p><section>certificate</section>"
    module_page = "<main><p>module</p></main>"
    assert plugin.on_post_page(module_page, _page("ai/chatbots.md"), None) is module_page
    assert plugin.late.released == [held]


def test_the_feedback_block_is_put_back_on_its_module_page_and_no_other_page_is_searched():
    plugin = FeedbackPlugin()
    plugin.config = SimpleNamespace(enabled=True)
    plugin.surface = SimpleNamespace(module_for={"ai/chatbots.md": SimpleNamespace(id="chatbots")}.get)
    plugin.renderer = SimpleNamespace(feedback_block=lambda module, url, edit_url: f"<form>{module.id}</form>")
    plugin.late = _Releases()
    held = plugin.on_page_content("<p>module</p>", _page("ai/chatbots.md", "ai/chatbots/"), None, None)
    assert plugin.on_page_content("<p>track</p>", _page("ai/index.md"), None, None) == "<p>track</p>"
    assert "<form>" not in held  # out of search's parse
    assert plugin.on_post_page(held, _page("ai/chatbots.md"), None) == "<p>module</p><form>chatbots</form>"
    sheet = "<main><p>sheet</p></main>"
    assert plugin.on_post_page(sheet, _page("mentor/ai/chatbots.md"), None) is sheet
    assert plugin.late.released == [held]
