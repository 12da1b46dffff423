from mkdocs.config import base
from mkdocs.config import config_options as c


class HandoutsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to skip the PDFs (they cost build time: see the README's "Exports")."""

    learner = c.Type(bool, default=True)
    """A learner handout per module and per track (objectives, content, self-check without answers, QR codes),
    offered as downloads on module and track pages."""

    learner_dir = c.Type(str, default="handouts")
    """Where learner handouts are written in the site: `handouts/ai/chatbots.pdf`, `handouts/ai.pdf`."""

    mentor = c.Type(bool, default=True)
    """A one-page mentor sheet per module (notes, session kit, answer key), never linked from learner pages."""

    mentor_dir = c.Type(str, default="mentor/handouts")
    """Where mentor sheets are written: inside the mentor area, `mentor/handouts/ai/chatbots.pdf`."""

    page_size = c.Choice(("A4", "Letter"), default="A4")
    """Paper size of every PDF."""

    on_serve = c.Type(bool, default=False)
    """Also write the PDFs during `mkdocs serve` (off: previews stay fast, and show no download links)."""
