from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.fieldtypes import Invalid
from ..core.linktemplate import check_template


class FeedbackTemplate(c.Optional):
    """A feedback link template, checked like a `feedback:` field of a module (placeholders and scheme)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value):
        value = super().run_validation(value)
        if value is None:
            return value
        try:
            return check_template(value.strip())
        except Invalid as error:
            raise c.ValidationError(f"{error.message} — {error.hint}" if error.hint else error.message) from None


class FeedbackConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build without feedback links (mentor notes are still left out of course pages)."""

    channel = FeedbackTemplate()
    """The organisation's feedback channel: a link template with placeholders, e.g. a form
    (`https://forms.example.com/f?module={module}&rating={rating}`), a `mailto:` address with subject and
    body, or an issue tracker's new-issue link. Tracks and modules override it with their `feedback` field.
    Placeholders: {module}, {title}, {track}, {mentor}, {rating}, {score}, {url}, {session}, {lang}, {build}
    (the README says how to prefill Google Forms, LimeSurvey and Microsoft Forms). Without a channel, module
    pages offer only "Ask the mentor" and "Suggest a change"."""

    figures = c.Type(bool, default=True)
    """Show, in the mentor area only, the figures of the feedback records under `curricula/feedback/` (ratings,
    trends by session, comments, questions too hard or too easy, what needs attention). Needs `smartshare/mentor`
    to be seen."""

    mentor_view = c.Optional(c.Type(bool))
    """No longer used (a warning says so): mentor notes, session kits and review dates are published in the
    mentor area of the `smartshare/mentor` plugin, never in course pages."""
