"""What goes into each PDF: the captured page content (answer keys and mentor notes already out of it), the
module's fields, the QR codes, the session kit and the answer key. Templates ship in `templates/smartshare/`."""

from __future__ import annotations

import html as htmlmod
import os
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..core.i18n import Translator, format_minutes
from ..core.model import Curriculum, Module, Track
from ..core.problems import Problem, Severity, display_path
from ..export.questions import collect
from ..feedback.links import build_link
from ..plugin_support import template_bytecode, template_translator

HERE = os.path.dirname(__file__)
_LATE_MARKER = re.compile(r"<!--smartshare-late-[\w-]+-\d+-->")
_QUIZ_KEY = re.compile(r'\sdata-key="[^"]*"')
_HINT = re.compile(r'<details class="smartshare-quiz__hint">.*?</details>', re.S)
_SRC = re.compile(r'(\ssrc=")([^"]+)(")')
_HREF = re.compile(r'(<a\b[^>]*?)\s+href="([^"]*)"')


@dataclass
class Captured:
    page_url: str
    learner_html: str  # without answer keys or hints (mentor notes never reach a course page)
    notes: list[str] = field(default_factory=list)  # the HTML of each mentor note, from the module's mentor sheet


def capture(html: str, page_url: str, dest_dir: str, site_url: str = "") -> Captured:
    learner = _QUIZ_KEY.sub("", _HINT.sub("", _LATE_MARKER.sub("", html)))
    return Captured(page_url, _site_links(_absolute_sources(learner, dest_dir), page_url, site_url))


def _site_links(html: str, page_url: str, site_url: str) -> str:
    """Links to other pages of the site lead to the published site (with a site URL), else are left as text: a
    printed handout never points into the folder it was built in (nor says where that was)."""
    base = urllib.parse.urljoin(site_url.rstrip("/") + "/", page_url) if site_url else ""

    def absolute(match: re.Match) -> str:
        href = htmlmod.unescape(match.group(2))
        if urllib.parse.urlsplit(href).scheme or href.startswith("#"):
            return match.group(0)
        if not base:
            return match.group(1)
        return f'{match.group(1)} href="{htmlmod.escape(urllib.parse.urljoin(base, href))}"'

    return _HREF.sub(absolute, html)


def _absolute_sources(html: str, dest_dir: str) -> str:
    """Images as file URLs, so a track handout can hold modules from several folders."""

    def absolute(match: re.Match) -> str:
        src = htmlmod.unescape(match.group(2))
        if urllib.parse.urlsplit(src).scheme:
            return match.group(0)
        path = os.path.normpath(os.path.join(dest_dir, urllib.parse.unquote(src.split("#")[0].split("?")[0])))
        return (
            match.group(1)
            + htmlmod.escape(urllib.parse.urljoin("file:", urllib.request.pathname2url(path)))
            + match.group(3)
        )

    return _SRC.sub(absolute, html)


class HandoutWriter:
    def __init__(self, curriculum: Curriculum, t: Translator, config, options, channel: str | None) -> None:
        self.curriculum, self.t, self.options, self.channel = curriculum, t, options, channel
        self.site_dir, self.docs_dir = config.site_dir, config.docs_dir
        self.site_url = config.site_url or ""
        self.lang = config.theme.get("language") or "en"
        self.env = Environment(
            loader=FileSystemLoader(os.path.join(HERE, "templates")),
            autoescape=select_autoescape(["html", "css"]),
            bytecode_cache=template_bytecode(config),
        )
        self.translate = template_translator(t)

    def module_pdf(self, module: Module) -> str:
        return f"{self.options.learner_dir.strip('/')}/{module.id}.pdf"

    def track_pdf(self, track: Track) -> str:
        return f"{self.options.learner_dir.strip('/')}/{track.id}.pdf"

    def mentor_pdf(self, module: Module) -> str:
        return f"{self.options.mentor_dir.strip('/')}/{module.id}.pdf"

    def page_link(self, page_url: str) -> str:
        return urllib.parse.urljoin(self.site_url.rstrip("/") + "/", page_url) if self.site_url else ""

    def feedback_link(self, module: Module, page_url: str) -> str:
        """The module's feedback channel with what a printed page knows: no rating, no score."""
        track = self.curriculum.track(module.track_id)
        template = module.feedback or (track.feedback if track else None) or self.channel
        if not template:
            return ""
        mentors = [self.curriculum.mentors[m].name for m in module.mentors if m in self.curriculum.mentors]
        values = {
            "module": module.id,
            "title": module.title,
            "track": track.title if track else "",
            "mentor": ", ".join(mentors),
            "url": self.page_link(page_url) or page_url,
        }
        return build_link(template, values)

    def section(self, module: Module, captured: Captured) -> dict:
        """One module of a handout; modules in no track get no handout (they have no track page either)."""
        from . import pdf  # see `write_all`

        page, feedback = self.page_link(captured.page_url), self.feedback_link(module, captured.page_url)
        track = self.curriculum.track(module.track_id)
        return {
            "title": module.title,
            "track": track.title if track else "",
            "objectives": module.objectives,
            "content": Markup(captured.learner_html),
            "page_qr": pdf.qr_data_uri(page) if page else "",
            "page_url": page,
            "feedback_qr": pdf.qr_data_uri(feedback) if feedback else "",
            "feedback_url": feedback,
        }

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate,
            lang=self.lang,
            page_size=self.options.page_size,
            duration=lambda m: format_minutes(m, self.t),
            modules_of=self.curriculum.modules_of,
            **context,
        )

    def write_all(self, captured: dict[str, Captured]) -> tuple[int, list[Problem]]:
        # WeasyPrint is imported only when PDFs are made: its import alone costs about a second of every build
        from .pdf import render, write

        written, problems = 0, []
        if self.options.learner:
            for track in self.curriculum.tracks:
                modules = [m for m in self.curriculum.modules_of(track) if m.id in captured]
                if not modules:
                    continue
                # each module is laid out once: its own PDF, then its pages again in the track's PDF
                documents = []
                for module in modules:
                    html = self._render(
                        "handout.html", title=module.title, sections=[self.section(module, captured[module.id])]
                    )
                    documents.append(render(html, self.site_dir))
                    write(documents[-1:], os.path.join(self.site_dir, self.module_pdf(module)))
                    written += 1
                cover = render(self._render("handout.html", title=track.title, sections=[], cover=track), self.site_dir)
                write([cover, *documents], os.path.join(self.site_dir, self.track_pdf(track)))
                written += 1
        if self.options.mentor:
            keys = self._answer_keys()
            for module in self.curriculum.ordered_modules():
                if module.id not in captured:
                    continue
                track = self.curriculum.track(module.track_id)
                html = self._render(
                    "mentor-sheet.html",
                    module=module,
                    track=track.title if track else "",
                    notes=[Markup(n) for n in captured[module.id].notes],
                    session=module.session or {},
                    key=keys.get(module.id, []),
                )
                pages = write([render(html, self.site_dir)], os.path.join(self.site_dir, self.mentor_pdf(module)))
                written += 1
                if pages > 1:
                    path = display_path(os.path.join(self.docs_dir, module.src_uri))
                    problems.append(
                        Problem(
                            path,
                            1,
                            1,
                            Severity.WARNING,
                            "mentor-sheet-length",
                            f"the mentor sheet takes {pages} pages, not one",
                            "shorten the mentor notes or the session kit",
                        )
                    )
        return written, problems

    def _answer_keys(self) -> dict[str, list[dict]]:
        """Each module's questions with their right answers, from the same model as the question banks."""
        keys: dict[str, list[dict]] = {}
        for question in collect(self.curriculum, self.docs_dir).questions:
            module_id = question.name.rsplit("/", 1)[0]
            right = [a for a in question.answers if a.fraction > 0]
            answers = [_plain(a.text) + (f" ± {a.tolerance:g}" if a.tolerance else "") for a in right]
            if question.kind == "truefalse":
                answers = [self.t("handouts.true") if right[0].text == "true" else self.t("handouts.false")]
            keys.setdefault(module_id, []).append({"question": _plain(question.text), "answers": answers})
        return keys


def _plain(markdown_text: str) -> str:
    """Markdown as one line of text for the answer key: code fences and marks dropped."""
    text = re.sub(r"^```.*?^```\s*", "", markdown_text, flags=re.S | re.M)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())
