"""`check_site` reads each page once: a page's text taken from the curriculum loader gives the same `PageSource`
as reading the file again, and a text the two readings would not agree on (carriage returns) is read again."""

from smartshare.core.loader import LoadOptions, load_curriculum
from smartshare.sitecheck import read_page

PAGE = "---\ntitle: Chatbots\n---\n\n# Chatbots\n\n/// mentor\nAsk about their tools.\n///\n"


def _page_as_read(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    return read_page(str(tmp_path), name)


def test_the_loaders_text_gives_the_page_a_second_reading_gives(tmp_path):
    expected = _page_as_read(tmp_path, "page.md", PAGE.encode("utf-8"))
    assert read_page(str(tmp_path), "page.md", PAGE) == expected
    gone = read_page(str(tmp_path), "gone.md", PAGE)  # the text given is used: the file is not opened
    assert gone is not None
    assert (gone.text, gone.body, gone.body_line) == (expected.text, expected.body, expected.body_line)


def test_a_text_with_carriage_returns_is_read_again_as_mkdocs_reads_it(tmp_path):
    crlf = PAGE.replace("\n", "\r\n")
    expected = _page_as_read(tmp_path, "page.md", crlf.encode("utf-8"))
    assert "\r" not in expected.text  # text mode: line breaks as MkDocs reads them
    assert read_page(str(tmp_path), "page.md", crlf) == expected


def test_the_loader_hands_over_the_text_of_each_module_it_read(tmp_path):
    track = tmp_path / "ai"
    track.mkdir()
    (track / "track.yml").write_text("title: AI\nsummary: About AI.\nmodules: [chatbots]\n", encoding="utf-8")
    (track / "chatbots.md").write_text(
        PAGE.replace("title: Chatbots\n", "title: Chatbots\nsummary: S.\nobjectives: [O]\n")
    )
    texts: dict[str, str] = {}
    load_curriculum(str(tmp_path), LoadOptions(texts=texts))
    assert texts["ai/chatbots.md"] == (track / "chatbots.md").read_text(encoding="utf-8")
    assert read_page(str(tmp_path), "ai/chatbots.md", texts["ai/chatbots.md"]) == read_page(
        str(tmp_path), "ai/chatbots.md"
    )
