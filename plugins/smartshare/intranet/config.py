from mkdocs.config import base
from mkdocs.config import config_options as c


class IntranetConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build without git dates, link checking or the offline edition."""

    git_dates = c.Type(bool, default=True)
    """Show on each module the date its file last changed in git (one `git log` call for the whole folder).
    Nothing is shown outside a git repository or in a shallow clone, where those dates would be wrong."""

    source_date_from_git = c.Type(bool, default=True)
    """On `mkdocs build`, when `SOURCE_DATE_EPOCH` is not set, set it to the last commit's time, so two builds
    of one commit are byte-identical (sitemap dates, stale-review warnings)."""

    check_links = c.Type(bool, default=True)
    """Report broken internal links and anchors with the file, line and column of the link (a warning, so
    `--strict` fails). Set MkDocs' own `validation.links.not_found`/`anchors` to `info` to avoid duplicates."""

    check_hosts = c.Type(bool, default=True)
    """Fail the build (with file and line) when a page or mkdocs.yml would make browsers fetch a script, style,
    font, frame or media file from another host, including the theme's own loaders (Mermaid from unpkg.com) when
    a page triggers them; an image from another host is a warning. Links to other sites stay allowed."""

    offline = c.Type(bool, default=False)
    """Build the edition opened from `file://` (zip, USB stick): `.html` URLs, search index inlined in a
    script, and a packaged worker shim instead of the one the theme's offline plugin loads from unpkg.com."""
