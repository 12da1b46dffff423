"""The mentor area's feedback figures as HTML: a module sheet's "How it landed", a track's and a mentor's summary,
and the programme summary of the statistics page. Only ever handed to the mentor area (curriculum surface)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from html import escape

from jinja2 import Environment

from ..core.feedbackfigures import (
    MIN_RESPONSES,
    RATINGS,
    TOO_EASY,
    TOO_HARD,
    Figures,
    GroupFigures,
    ModuleFigures,
    Ratings,
)
from ..core.i18n import Translator
from ..core.model import Mentor, Module, Track
from ..plugin_support import ASSET_PREFIX, is_own_template, relative_url, template_translator
from .charts import Bar, bar_chart
from .render import OWN_TEMPLATES


class QuizTexts:
    """A module's quizzes as the quiz package's own parser reads them: ids in page order, question and options."""

    def __init__(self, curriculum) -> None:
        self.curriculum = curriculum
        self._parsed: dict[str, list] = {}

    def _quizzes(self, module_id: str) -> list:
        if module_id not in self._parsed:
            from ..quiz.parse import find_quizzes

            module = self.curriculum.modules.get(module_id)
            self._parsed[module_id] = find_quizzes(module.body) if module else []
        return self._parsed[module_id]

    def ids(self, module_id: str) -> list[str]:
        return [quiz.id for quiz in self._quizzes(module_id)]

    def question(self, module_id: str, quiz_id: str) -> tuple[str, list[tuple[str, bool]]] | None:
        quiz = next((q for q in self._quizzes(module_id) if q.id == quiz_id), None)
        return (quiz.question.strip(), [(o.text, o.correct) for o in quiz.options]) if quiz else None


class FiguresRenderer:
    def __init__(
        self,
        env: Environment,
        t: Translator,
        figures: Figures,
        sheet_url: Callable[[str], str | None] = lambda module_id: None,
    ) -> None:
        self.env, self.t, self.figures = env, t, figures
        #: module id → the site URL of its mentor sheet (CurriculumSurface.sheet_url), for links from summaries
        self.sheet_url = sheet_url
        self.translate = template_translator(t)
        #: a sheet's "How it landed" for a module without figures, the same for each (most modules have none)
        self._landed_none: str | None = None

    def _render(self, template: str, page_url: str, **context) -> str:
        # `sheet(module)` in the templates: the link from this page to how a module landed
        sheet = functools.partial(self._landed_link, page_url=page_url)
        return self._sheet_link(page_url) + self._body(template, sheet=sheet, **context)

    def _sheet_link(self, page_url: str) -> str:
        # the figures' own stylesheet, linked from them: learner pages never load it
        sheet = relative_url(f"{ASSET_PREFIX}/feedback-figures.css", page_url)
        return f'<link rel="stylesheet" href="{escape(sheet)}">'

    def _body(self, template: str, **context) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate,
            needed=MIN_RESPONSES,
            too_hard=TOO_HARD,
            too_easy=TOO_EASY,
            ratings=RATINGS,
            label=self.rating_label,
            percent=self._percent,
            share=self._share,
            mean=self._mean,
            plain=_plain,
            **context,
        )

    def rating_label(self, rating: int) -> str:
        return self.t(f"feedback.rating_{rating}")

    def _percent(self, share: float) -> str:
        """A share of 1 as a whole percentage, the language's way (73%, 73 %)."""
        return self.t("feedback.figures.percent", value=round(100 * share))

    def _share(self, ratings: Ratings, rating: int) -> str:
        """A rating's share of the responses, as `_percent` writes it (the chart's text and its table)."""
        return self.t("feedback.figures.percent", value=ratings.share(rating))

    def _mean(self, value: float | None) -> str:
        """One decimal, with the language's decimal mark (2.5, 2,5)."""
        return "–" if value is None else f"{value:.1f}".replace(".", self.t("feedback.figures.decimal"))

    # -- charts -----------------------------------------------------------------------------------------

    def ratings_chart(self, chart_id: str, title: str, ratings: Ratings) -> str:
        bars = [
            Bar(self.rating_label(r), ratings.counts[r], f"{ratings.counts[r]} ({self._share(ratings, r)})", str(r))
            for r in RATINGS
        ]
        parts = [self.t("pair", label=bar.label, value=bar.text) for bar in bars]
        description = self.t(
            "feedback.figures.ratings_desc",
            parts=self.t("feedback.figures.separator").join(parts),
            mean=self._mean(ratings.mean),
            count=ratings.total,
        )
        return bar_chart(chart_id, title, description, bars, max(ratings.counts.values()) or 1)

    def trend_chart(self, chart_id: str, title: str, figures: ModuleFigures) -> str:
        points = [p for p in figures.sessions if p.ratings.enough]
        if len(points) < 2:
            return ""  # one session is no trend; its figures are in the table
        bars = [
            Bar(
                f"{p.date} {p.session}".strip() if p.session else self.t("feedback.figures.no_session"),
                p.ratings.mean or 0,
                f"{self._mean(p.ratings.mean)} ({p.ratings.total})",
            )
            for p in points
        ]
        description = self.t(
            "feedback.figures.trend_desc",
            parts=self.t("feedback.figures.separator").join(
                self.t("pair", label=bar.label, value=bar.text) for bar in bars
            ),
        )
        return bar_chart(chart_id, title, description, bars, 3)

    # -- sections ---------------------------------------------------------------------------------------

    def module_section(self, module: Module, sheet_url: str) -> str:
        figures = self.figures.modules.get(module.id)
        if figures is None:
            return ""
        if _landed_none(figures) and is_own_template(self.env, "feedback-landed.html", OWN_TEMPLATES):
            # what our template writes for such a module reads nothing of it (its first branch): rendered once
            if self._landed_none is None:
                self._landed_none = self._body(
                    "feedback-landed.html", figures=figures, ratings_chart="", trend_chart=""
                )
            return self._sheet_link(sheet_url) + self._landed_none
        slug = _slug(module.id)
        return self._render(
            "feedback-landed.html",
            sheet_url,
            figures=figures,
            ratings_chart=self.ratings_chart(
                f"ratings-{slug}", self.t("feedback.figures.ratings_of", title=module.title), figures.ratings
            )
            if figures.ratings.enough
            else "",
            trend_chart=self.trend_chart(
                f"trend-{slug}", self.t("feedback.figures.trend_of", title=module.title), figures
            ),
        )

    def _summary(
        self, page_url: str, heading_key: str, name: str, group: GroupFigures, chart_id: str, level: int = 2
    ) -> str:
        ratings = group.ratings
        chart = (
            self.ratings_chart(chart_id, self.t("feedback.figures.ratings_of", title=name), ratings)
            if ratings.enough
            else ""
        )
        return self._render(
            "feedback-summary.html",
            page_url,
            heading=self.t(heading_key, name=name),
            group=group,
            chart=chart,
            level=level,
        )

    def _landed_link(self, module: Module, page_url: str) -> str:
        """The link from `page_url` to how `module` landed on its sheet, "" without a sheet."""
        url = self.sheet_url(module.id)
        return relative_url(url, page_url) + "#smartshare-landed" if url is not None else ""

    def track_section(self, track: Track, page_url: str, modules: list[Module]) -> str:
        return self._summary(
            page_url,
            "feedback.figures.track_summary",
            track.title,
            self.figures.of_modules(modules),
            f"track-{_slug(track.id)}",
        )

    def mentor_section(self, mentor: Mentor, page_url: str, modules: list[Module]) -> str:
        group = self.figures.of_modules(modules)
        if not group.modules:
            return ""
        return self._summary(
            page_url, "feedback.figures.mentor_summary", mentor.name, group, f"mentor-{_slug(mentor.id)}", 3
        )

    def programme_section(
        self, page_url: str, tracks: list[tuple[Track, list[Module]]], all_modules: list[Module]
    ) -> str:
        rows = [(track, self.figures.of_modules(modules)) for track, modules in tracks]
        total = self.figures.of_modules(all_modules)
        chart = (
            self.ratings_chart("programme", self.t("feedback.figures.programme_ratings"), total.ratings)
            if total.ratings.enough
            else ""
        )
        return self._render(
            "feedback-programme.html",
            page_url,
            rows=rows,
            total=total,
            chart=chart,
            records=self.figures.records,
        )


def _landed_none(figures: ModuleFigures) -> bool:
    """`feedback-landed.html`'s first test: no rating, no comment and no question answered. The template then writes
    its first branch only, which reads nothing of the module (nor the charts)."""
    return (
        not figures.ratings.total and not figures.comment_count and not any(q.first_answers for q in figures.questions)
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _plain(markdown: str, limit: int = 100) -> str:
    """A question or option as one line of plain text (Markdown marks dropped), shortened for a table cell."""
    text = " ".join(re.sub(r"[*_`]|!?\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", markdown).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
