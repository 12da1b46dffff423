"""When each Smartshare plugin runs within an event, relative to the others and to MkDocs' plugins: one table.

MkDocs runs a hook with a higher priority first (100 first … -100 last; plugins without one run at 0, in the
order of `plugins` in mkdocs.yml). The order of our plugins is decided here and nowhere else, so a change
to one of them can be checked against all the others in one place.
"""

from __future__ import annotations

# -- on_config ------------------------------------------------------------------------------------------------
#: intranet: the build date (SOURCE_DATE_EPOCH) is fixed before any plugin or MkDocs reads it
BUILD_DATE = 100
#: curriculum: the language of this build (one site per language) sets theme.language before search (0) reads it
SITE_LANGUAGE = 90

#: cache: the compiled templates' store opens before any plugin makes a Jinja environment (the search defaults'
#: read a theme template)
CACHE_BYTECODE = 100
#: cache: its Markdown extension joins after every plugin has added its own, so the fingerprint sees them all
CACHE_EXTENSION = -100
#: curriculum: stemming and elision for the site's language, before the search plugin (0) fills in the theme's
#: defaults for the options a site left unset (curriculum/search.py)
SEARCH_DEFAULTS = 10

# -- on_pre_build ---------------------------------------------------------------------------------------------
#: curriculum: a curriculum with errors stops the build before the site folder is cleaned or anything written
LOAD_CURRICULUM = 100
#: curriculum: the other languages' builds are forked once the curriculum is checked (the forks keep its parsed
#: module files), before the build cache opens (CACHE_OPEN), the last site is swept (CACHE_SWEEP) or any page of this
#: language exists, so each fork starts small; they wait for OTHER_LANGUAGES
LANGUAGE_FORKS = 95
#: feedback: reads the curriculum just loaded (LOAD_CURRICULUM), before anything is built
FEEDBACK_SETUP = 90

#: handouts: reads the curriculum just loaded (LOAD_CURRICULUM)
HANDOUTS_SETUP = 80
#: cache: the fingerprint of the Markdown configuration, once every plugin's on_config has run (any priority)
CACHE_OPEN = 0
#: cache: last, right before MkDocs empties the site folder: what it would delete is moved away and deleted by another
#: process (cache/sweep.py), after every plugin that may still read the last build's site
CACHE_SWEEP = -100

# -- on_files -------------------------------------------------------------------------------------------------
#: curriculum: other plugins (search, quizzes, feedback) must see the generated pages, not the left-out drafts
CURRICULUM_FILES = 50
#: rich: the glossary page joins after the curriculum has removed its own YAML, before search (0) lists the pages
RICH_FILES = 40
#: mentor: the area mirrors what is built, after CURRICULUM_FILES has dropped left-out drafts and added its pages
MENTOR_FILES = 40

# -- on_nav ---------------------------------------------------------------------------------------------------
#: cache: the workers that render pages ahead start from the build as every other plugin's on_nav leaves it
CACHE_PREFILL = -100

# -- on_pre_page / on_env --------------------------------------------------------------------------------------
#: cache (on_pre_page uses CACHE_CLAIM too). on_env: last, once every plugin has set up for the pages' theming, the
#: workers that theme pages ahead are forked from the build as it is then
CACHE_THEME = -100

#: cache: on_env, first: the theme's environment keeps its compiled templates before any plugin loads one
CACHE_THEME_BYTECODE = 100

# -- on_page_markdown -----------------------------------------------------------------------------------------
#: rich: glossary abbreviations are appended after the curriculum and quiz plugins read the Markdown as written,
#: so no line of the author's text moves
RICH_ABBREVIATIONS = -50

#: cache: last, so the page's Markdown is final when MkDocs renders it through the cache (cache/render.py)
CACHE_PAGE_RENDER = -100

# -- on_page_content ------------------------------------------------------------------------------------------
#: mentor: a module page's notes leave it (kept for its sheet) and a sheet gets the module's body with them, first
#: of all, so every other plugin sees a sheet as it sees a course page, notes included (the host check too)
MENTOR_NOTES = 100
#: intranet: the host check reads everything the author wrote, before plugins hold parts back until after search
HOST_CHECK_CONTENT = 90
#: rich: which libraries the page's formulas and diagrams need, read before any plugin holds parts of the content
#: back from search (QUIZ_SUMMARY holds the answer keys, where an explanation may hold the page's only formula)
RICH_USES = 70
#: quiz: the self-check summary closes the text, before MODULE_FRAME wraps the page in its header and footer
QUIZ_SUMMARY = 60
#: mentor: the area's pages, before other plugins hold parts of a page back from search (they are not indexed)
MENTOR_CONTENT = 40
#: curriculum: module header and footer first, so what others add to the end of a module comes after the footer
MODULE_FRAME = 50
#: feedback: the feedback block closes the module, after the curriculum footer and the quiz summary
FEEDBACK_BLOCK = -50
#: handouts: after the quiz plugin (0) takes the answer keys out, before FEEDBACK_BLOCK takes mentor notes out
HANDOUTS_CAPTURE = -40
#: rich: the diagram/formula loader goes last in the content (instant navigation waits for it), before the
#: host check of the theme's loaders (HOST_CHECK_LOADERS) looks for it
RICH_LOADER = -50
#: certificate: closes the track page, after the curriculum's cards and the feedback block
CERTIFICATE = -60
#: intranet: the theme's loaders that the content triggers, once every plugin (rich) has added its own
HOST_CHECK_LOADERS = -90
#: quiz: the quizzes' controls, hints and summary leave the content search reads (README, "What search finds in a
#: quiz") once every plugin that reads them in this event has (handouts print the instruction and the labels)
QUIZ_UNSEARCHED = -95
#: curriculum: beside QUIZ_UNSEARCHED, the module header's facts, labels, prerequisites and tag list leave the content
#: search reads (README, "What search finds in a module header") once every plugin that reads them in this event has
#: (handouts print the facts)
MODULE_UNSEARCHED = -95
#: curriculum: last of all (after the host check too), a page's finished content is kept compressed until its page
#: is themed (release.py)
CONTENT_PACK = -100

# -- on_page_context ------------------------------------------------------------------------------------------
#: cache: first, the page is claimed by the build, so the workers that theme pages ahead leave it (cache/parallel.py)
CACHE_CLAIM = 100
#: curriculum: first (beside CACHE_CLAIM, which does not read it), the page's content is given back, compressed
#: since the first pass (release.py)
CONTENT_UNPACK = 100
#: cache: the page's template is routed through the cache after every plugin has changed the context (the render
#: reads the context as it is then, so this only has to come before the render; last is the safe place)
CACHE_PAGE_TEMPLATE = -100
#: mentor: after the curriculum plugin (0) has set the course navigation, the area's pages get their own
MENTOR_NAVIGATION = -10

# -- on_post_page ---------------------------------------------------------------------------------------------
#: curriculum: its held HTML (see LateHtml) goes back before other plugins look at the finished page
CURRICULUM_RELEASE = 50
#: quiz: after CURRICULUM_RELEASE has put the module cards back, whose progress slots need the quiz strings
QUIZ_RELEASE = -50
#: mentor: after QUIZ_RELEASE has put the answer keys back, a sheet opens them, on screen and on paper
MENTOR_RELEASE = -60
#: curriculum: last, once every plugin has the finished page, its HTML and Markdown are let go (release.py)
PAGE_RELEASE = -100

# -- on_post_build --------------------------------------------------------------------------------------------
#: cache: first, the workers that built pages are waited for and MkDocs' page loop is left as it was (cache/pages.py)
CACHE_PAGES_DONE = 100
#: intranet: the offline edition inlines the search index, so it runs after the search plugin has written it
OFFLINE_EDITION = -70
#: handouts: every page is captured and written; the PDFs join the site
HANDOUTS_WRITE = -70
#: mentor: the leak check reads the final site, after the search index is written (and inlined when offline) and
#: the handouts are written
MENTOR_LEAK_CHECK = -80
#: curriculum: the other languages' sites are built once this one is complete (leak check and offline included),
#: so a language that fails to build cannot keep this language's leak check from reporting
OTHER_LANGUAGES = -90
#: cache: last, every file of the site written: each is kept as a hard link for the next build (cache/outputs.py)
CACHE_KEEP_OUTPUTS = -100
#: curriculum: last, Python's collector is given back the objects frozen during the build (release.py)
BUILD_RELEASE = -100
