from mkdocs.config import base
from mkdocs.config import config_options as c

from .glossary import DEFAULT_FILE, DEFAULT_PAGE


class RichConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to configure Markdown extensions, diagrams and maths yourself."""

    diagrams = c.Type(bool, default=True)
    """Render ```` ```mermaid ```` fences as diagrams in the browser, with the Mermaid library shipped in the package
    (loaded only by pages that have a diagram; the theme would otherwise fetch it from unpkg.com)."""

    maths = c.Type(bool, default=True)
    """Typeset `$…$` and `$$…$$` formulas with the KaTeX library shipped in the package (pages with maths only)."""

    glossary = c.Type(str, default=DEFAULT_FILE)
    """Curriculum-wide glossary of jargon, relative to `docs_dir`: each term becomes an abbreviation with its meaning
    as a tooltip wherever a module uses it. No file, no glossary."""

    glossary_page = c.Type(str, default=DEFAULT_PAGE)
    """Where the generated glossary page lives in the site (in the site's language)."""

    image_links = c.Type(bool, default=True)
    """Link every image of a page to its full-size file (the theme has no zoom of its own), and load it lazily."""

    theme_features = c.Type(bool, default=True)
    """Turn on the theme's `content.code.copy` (copy button on code blocks) and `content.tooltips` (glossary and
    link tooltips on hover and keyboard focus)."""
