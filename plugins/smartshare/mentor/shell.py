"""Mentor sheets themed from a shell: the theme's page rendered once for sheets of one folder, each sheet's own
parts filled in.

Half of a curriculum's pages are sheets, and the theme's whole page (Material's `base.html` under the area's
template) cost as much as the rest of a sheet's build. Sheets of one folder differ in a few strings (title,
canonical URL, the anchor the "skip to content" link points to, the content and its edit link) and in one block of
the template: the area's navigation with the table of contents (`site_nav`; a window of the track's sheets, the
sheet's own open). So the template is rendered once per folder (a *shape*) with stand-ins: each string is a
sentinel, the block yields one; the output is cut at the sentinels into a shell. A sheet is then the shell's pieces,
its strings put in (as they are, or HTML-escaped where the template escaped the sentinel) and the block rendered
with its own context, as Jinja renders it inside the whole page (the same block function, the variables the page
had set by then). What the template asks of a string's sentinel, whether it holds a part (Material's
`"<h1" not in page.content`) or is empty, is answered with the first sheet's string and noted: every sheet filled
from the shell must give the same answers.

The shell is only used where it gives the bytes the whole render gives:
- a sheet's context must be the shell's but for what is filled in: the same objects or equal values for every key,
  the same front matter but its title, no previous or next page; else the sheet is rendered whole;
- the stand-ins note whatever the template asks of them besides what is filled in (another attribute of the page,
  the navigation's items outside its block, the build date, a sentinel changed by a filter): such a shape is never
  used, its sheets are rendered whole;
- the first `VERIFY` sheets of each shape are rendered whole as well and compared with what the shell gives (and
  must log nothing, since a filled sheet would not log it again); one difference and the shape is rendered whole.
  Once a shape's sheets gave the whole render's bytes, a new folder's shape of the same *family* (the same shape
  but for the folder: its depth, the same context, the same answers) is not compared again: a track's folder of an
  example-shaped curriculum holds three sheets on average, and comparing two in each rendered most sheets twice.
  What differs between two folders' shells is where their relative links start from: every link the shell made
  with MkDocs' `url` filter (its `script_tag` filter too) is noted with what it gave. Where the template read the
  page's URL for nothing else, the family's shell is used for its other folders as well (no new render): its links
  are made again from the first sheet of each folder, and those into a sheet's own folder (one may be the sheet
  itself) from each sheet; a folder where one differs gets a shell of its own, a sheet where one differs is
  rendered whole.
A site's own override of a template used by the page is covered by the same checks.
"""

from __future__ import annotations

import functools
import logging
import posixpath
import re
import secrets
from collections.abc import Callable, Iterator
from typing import Any

from markupsafe import escape
from mkdocs.utils import templates as mkdocs_templates

log = logging.getLogger(__name__)

#: the template's blocks rendered for each sheet (the area's navigation with the table of contents)
BLOCKS = ("site_nav",)
#: the strings of a sheet filled into the shell: the content (and its edit link) among them, so the theme's content
#: block with its partials (tags, actions, source file, feedback, comments) is part of the shell
STRINGS = ("meta_title", "title", "canonical_url", "skip", "content", "edit_url")
#: sheets of each shape rendered whole and compared with the shell before it is used alone
VERIFY = 2
#: context values made afresh for each page that the shell has stand-ins for (`base_url` is part of the shape)
STANDS_IN = ("page", "nav", "build_date_utc")
#: what every sentinel ends with: HTML escaping changes it (the template escaped the value), other filters too
MARK = "<&>"
ESCAPED_MARK = str(escape(MARK))


class SheetShells:
    """The shells of one build, by shape; `None` for a shape rendered whole."""

    def __init__(self) -> None:
        self.shells: dict[tuple, _Shell | None] = {}
        #: shapes but for their folder (`_family`) whose first sheets gave the whole render's bytes: a new folder of
        #: one is not compared again (a track's folder of an example-shaped curriculum holds three sheets on average)
        self.families: set[tuple] = set()
        #: and their shells, where the template read the page's URL only to make links: other folders' sheets of the
        #: family are filled from it (their links made again, see `_Shell.same_links`), no new shell made for them
        self.shared: dict[tuple, _Shell] = {}
        self.filled = 0  # sheets given by a shell alone
        self.compared = 0  # sheets rendered whole and compared with what their shell gives (`VERIFY` per shape)
        self.differed: list[str] = []  # sheets whose shell gave other bytes (their shape is rendered whole since)
        self.whole: list[str] = []  # sheets rendered whole because no shell stands for them

    def summary(self) -> str:
        return (
            f"{self.filled} sheets themed from a shell; {self.compared} rendered whole and compared with theirs, "
            f"{len(self.differed)} different; {len(self.whole)} rendered whole otherwise"
        )

    def wrap(self, template: Any) -> None:
        """Route `template.render` through the shells (once per template object)."""
        if getattr(template.render, "sheet_shells", None) is self:
            return
        original = template.render

        def render(*args: Any, **kwargs: Any) -> str:
            if len(args) != 1 or kwargs or not isinstance(args[0], dict):
                return original(*args, **kwargs)
            return self.render(template, original, args[0])

        render.sheet_shells = self  # type: ignore[attr-defined]
        template.render = render

    def render(self, template: Any, original: Callable[[dict], str], context: dict) -> str:
        key = _shape(context)
        if key is None:
            self.whole.append(getattr(getattr(context.get("page"), "file", None), "src_uri", "?"))
            return original(context)
        shell = self._shell(template, key, context)
        if shell is None or not shell.covers(template, context):
            self.whole.append(context["page"].file.src_uri)
            return original(context)
        if shell.verified < VERIFY:
            with Logged() as logged:
                html = original(context)
            self.compared += 1
            if logged.records or shell.fill(template, context) != html:
                log.debug(f"mentor: sheets beside {context['page'].file.src_uri} themed whole (the shell differs)")
                self.differed.append(context["page"].file.src_uri)
                self.shells[key] = None
            else:
                shell.verified += 1
                if shell.verified == VERIFY:
                    self.families.add(_family(key))
                    if not shell.folder_bound:
                        self.shared[_family(key)] = shell
            return html
        self.filled += 1
        return shell.fill(template, context)

    def _shell(self, template: Any, key: tuple, context: dict) -> _Shell | None:
        if key not in self.shells:
            shared = self.shared.get(_family(key))
            if shared is not None and shared.covers(template, context):  # else a shell of the folder's own
                self.shells[key] = shared
                return shared
            shell = self.shells[key] = _Shell.make(template, context)
            if shell is not None and _family(key) in self.families:
                shell.verified = VERIFY
        return self.shells[key]


def _shape(context: dict) -> tuple | None:
    """What sheets sharing a shell have in common (None: a page the shell cannot stand for)."""
    page = context.get("page")
    file = getattr(page, "file", None)
    if file is None or not isinstance(page.title, str) or not page.title:
        return None
    if page.previous_page is not None or page.next_page is not None:
        return None
    meta = page.meta
    if "title" in meta and not (isinstance(meta["title"], str) and meta["title"]):
        return None
    canonical, edit = page.canonical_url, page.edit_url
    if any(value is not None and not isinstance(value, str) for value in (canonical, edit)):
        return None
    if not isinstance(page.content, str):
        return None
    first = next(iter(page.toc), None)
    if first is not None and not (isinstance(first.url, str) and first.url.startswith("#")):
        return None
    return (
        _stand_in_url(page.url),
        context.get("base_url"),
        canonical is None,
        edit is None,
        first is None,
        "title" in meta,
        bool(page.is_homepage),
        tuple(context),
    )


def _family(key: tuple) -> tuple:
    """A shape with its folder left out but for its depth: sheets of one family in two folders are themed by the
    same template code, the only difference being where their relative links start from."""
    folder, name = posixpath.split(key[0])
    return (folder.count("/") + bool(folder), name, *key[1:])


def _stand_in_url(url: str) -> str:
    """The page's URL with its own name replaced: relative links from it are those of every page of its folder,
    and a link into the page's own folder comes out wrong, so the comparison of the first sheets finds it."""
    folder, name = posixpath.split(url.rstrip("/"))
    suffix = "/" if url.endswith("/") or not url else posixpath.splitext(name)[1]
    return posixpath.join(folder, "\x02sheet" + suffix)


class _Shell:
    def __init__(
        self, context: dict, parts: list, blocks: dict, variables: dict[str, dict], questions: list[tuple]
    ) -> None:
        page = context["page"]
        self.context = context  # the first sheet's: the others must match it (`covers`)
        self.meta = {k: v for k, v in page.meta.items() if k != "title"}
        self.homepage = getattr(context.get("nav"), "homepage", None)
        self.parts = parts  # str, or (name, escaped)
        self.blocks = blocks  # the template's block chains, as the whole render has them
        self.variables = variables  # by block: the template's variables when the whole render called it
        self.questions = questions  # (string, part, answer): what the template asked whether a string holds
        self.folder = posixpath.dirname(_stand_in_url(page.url).rstrip("/"))
        self.links: list[tuple[Any, Any]] = []  # what the template gave MkDocs' `url` filter, and the links it made
        self.folder_bound = False  # the template read the page's URL but to make a link
        self.folders: dict[str, bool] = {}  # whether the links not into a folder come out the same from its sheets
        self.verified = 0

    @classmethod
    def make(cls, template: Any, context: dict) -> _Shell | None:
        token = secrets.token_hex(8)
        sentinel = {name: f"\x02{token}:{name}{MARK}\x03" for name in STRINGS + BLOCKS}
        asked: list[str] = []  # what the template asked of a stand-in
        questions: list[tuple] = []  # what it asked whether a string holds, with the first sheet's answers
        links = _Links(template.environment)
        page = context["page"]
        stand_ins = dict(context)
        stand_ins["page"] = _Page(page, sentinel, asked, questions, links)
        stand_ins["nav"] = _Unread("nav", asked, homepage=getattr(context.get("nav"), "homepage", None))
        stand_ins["build_date_utc"] = _Unread("build_date_utc", asked)
        jinja = template.new_context(stand_ins)
        variables: dict[str, dict] = {}
        for name in BLOCKS:
            jinja.blocks[name] = [_stub(name, sentinel[name], variables), *jinja.blocks.get(name, [])]
        try:
            with Logged(keep=False), links:
                text = template.environment.concat(template.root_render_func(jinja))
        except Exception as error:  # the whole render that follows raises it again if it is real
            asked.append(f"an error ({error})")
        blocks = {name: chain[1:] if name in BLOCKS else chain for name, chain in jinja.blocks.items()}
        parts = None if asked or set(variables) != set(BLOCKS) else _cut(text, token)
        if parts is None:
            log.debug(f"mentor: sheets beside {page.file.src_uri} themed whole ({', '.join(asked) or 'sentinels'})")
            return None
        shell = cls(context, parts, blocks, variables, questions)
        shell.links, shell.folder_bound = links.made, links.url_read
        return shell

    def covers(self, template: Any, context: dict) -> bool:
        page, known = context["page"], self.context
        for key, value in context.items():
            if key not in STANDS_IN and value is not known[key] and value != known[key]:
                return False
        if getattr(context.get("nav"), "homepage", None) is not self.homepage:
            return False
        if self.questions:
            values = _strings(page)
            for name, part, answer in self.questions:
                if _answer(values[name], part) is not answer:
                    return False
        if self.links and not self.same_links(template, context):
            return False
        meta = page.meta
        return len(meta) - ("title" in meta) == len(self.meta) and all(
            meta.get(k, _MISSING) == v for k, v in self.meta.items()
        )

    def same_links(self, template: Any, context: dict) -> bool:
        """The shell's links are what the sheet's page makes of them: those into the sheet's folder (one may be the
        sheet itself) for each sheet, the others once for each folder but the shell's own."""
        folder = posixpath.dirname(context["page"].url.rstrip("/"))
        into = [(value, link) for value, link in self.links if _into(value, folder)]
        if folder not in self.folders:
            others = [(value, link) for value, link in self.links if not _into(value, folder)]
            self.folders[folder] = folder == self.folder or _made_alike(template, context, others)
        return self.folders[folder] and _made_alike(template, context, into)

    def fill(self, template: Any, context: dict) -> str:
        values = _strings(context["page"])
        out = []
        for part in self.parts:
            if type(part) is str:
                out.append(part)
                continue
            name, escaped = part
            if name in BLOCKS:
                out.append(self._block(template, context, name))
            else:
                out.append(str(escape(values[name])) if escaped else str(values[name]))
        return "".join(out)

    def _block(self, template: Any, context: dict, name: str) -> str:
        jinja = template.new_context(dict(context))
        jinja.blocks = self.blocks
        jinja.vars.update(self.variables[name])
        return template.environment.concat(self.blocks[name][0](jinja))


_MISSING = object()


def _into(value: Any, folder: str) -> bool:
    """Whether a link may lead into `folder` (a test that errs on the side of yes)."""
    text = str(value)
    return not folder or folder in text or ".." in text


def _made_alike(template: Any, context: dict, links: list[tuple[Any, Any]]) -> bool:
    if not links:
        return True
    url, jinja = template.environment.filters["url"], template.new_context(dict(context))
    return all(url(jinja, value) == link for value, link in links)


def _answer(value: str, part: str | None) -> bool:
    """What the template asked of a sheet's string: whether it holds `part`, or (`part` None) whether it is not
    empty. The shell notes the first sheet's answers; every sheet filled from it must give the same."""
    return bool(value) if part is None else part in value


def _strings(page: Any) -> dict[str, Any]:
    """The sheet's strings the shell has holes for."""
    first = next(iter(page.toc), None)
    return {
        "meta_title": page.meta.get("title"),
        "title": page.title,
        "canonical_url": page.canonical_url,
        "skip": first.url[1:] if first is not None else None,  # after the "#" the stand-in's anchor has
        "content": page.content,
        "edit_url": page.edit_url,
    }


def _stub(name: str, sentinel: str, variables: dict[str, dict]) -> Callable[[Any], Iterator[str]]:
    def block(jinja: Any) -> Iterator[str]:
        variables[name] = dict(jinja.vars)  # what the block sees in a whole render (set by the template before it)
        yield sentinel

    return block


def _cut(text: str, token: str) -> list | None:
    """The shell's pieces and holes; None if a sentinel came out in another form than as is or HTML-escaped."""
    pattern = re.compile("\x02" + token + ":(\\w+)(" + re.escape(MARK) + "|" + re.escape(ESCAPED_MARK) + ")\x03")
    parts: list = []
    at = 0
    for match in pattern.finditer(text):
        name, escaped = match.group(1), match.group(2) != MARK
        if (escaped and name in BLOCKS) or name not in STRINGS + BLOCKS:  # a filter such as `replace` renamed it
            return None
        parts += [text[at : match.start()], (name, escaped)]
        at = match.end()
    parts.append(text[at:])
    if any(type(p) is str and ("\x02" in p or "\x03" in p or token in p) for p in parts):
        return None
    return [p for p in parts if p != ""]


class _Links:
    """MkDocs' `url` filter while the shell is made: what it was given and made (`made`), and whether the page's
    URL was read outside it (`url_read`). Its `script_tag` filter (the site's scripts) calls the same function by
    its module's name: noted there too."""

    def __init__(self, environment: Any) -> None:
        self.environment = environment
        self.url = environment.filters.get("url")
        self.module_url = self.url is mkdocs_templates.url_filter
        self.made: list[tuple[Any, Any]] = []
        self.inside = False
        self.url_read = False

    def __enter__(self) -> _Links:
        if self.url is not None:
            url = self.url

            @functools.wraps(url)  # keeps Jinja's mark of a filter given the context
            def noted(context: Any, value: Any) -> Any:
                self.inside = True
                try:
                    link = url(context, value)
                finally:
                    self.inside = False
                self.made.append((value, link))
                return link

            self.environment.filters["url"] = noted
            if self.module_url:
                mkdocs_templates.url_filter = noted
        return self

    def __exit__(self, *exc: object) -> None:
        if self.url is not None:
            self.environment.filters["url"] = self.url
            if self.module_url:
                mkdocs_templates.url_filter = self.url


class _Unread:
    """A value the shell's pieces must not depend on: anything asked of it but its `known` attributes is noted."""

    def __init__(self, name: str, asked: list[str], **known: Any) -> None:
        self._name, self._asked = name, asked
        self.__dict__.update(known)

    def __getattr__(self, attribute: str) -> Any:
        self._asked.append(f"{self._name}.{attribute}")
        raise AttributeError(attribute)

    def _read(self, how: str) -> None:
        self._asked.append(f"{how} of {self._name}")

    def __bool__(self) -> bool:
        self._read("truth")
        return True

    def __iter__(self) -> Iterator[Any]:
        self._read("items")
        return iter(())

    def __len__(self) -> int:
        self._read("length")
        return 0

    def __str__(self) -> str:
        self._read("text")
        return ""

    def __getitem__(self, key: Any) -> Any:
        self._read(f"[{key!r}]")
        raise KeyError(key)


class _Toc(_Unread):
    """The table of contents, of which the page's template outside its blocks reads the first entry's anchor."""

    def __init__(self, skip: str | None, asked: list[str]) -> None:
        super().__init__("page.toc", asked)
        self._entries = [_Unread("page.toc's first entry", asked, url="#" + skip)] if skip else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self._entries)


class _Text(str):
    """A string's sentinel: whether it holds a part, and whether it is empty, are answered with the sheet's own string
    and noted (`questions`), as the theme asks (`"<h1" not in page.content`); anything else asked of it is noted as
    asked."""

    _name: str
    _value: str
    _asked: list[str]
    _questions: list[tuple]

    def __new__(cls, sentinel: str, name: str, value: str, asked: list[str], questions: list[tuple]) -> _Text:
        text = super().__new__(cls, sentinel)
        text._name, text._value, text._asked, text._questions = name, value, asked, questions
        return text

    def _answer(self, part: str | None) -> bool:
        answer = _answer(self._value, part)
        self._questions.append((self._name, part, answer))
        return answer

    def __bool__(self) -> bool:
        return self._answer(None)

    def __contains__(self, part: object) -> bool:
        if isinstance(part, str):
            return self._answer(part)
        self._asked.append(f"whether page.{self._name} holds {part!r}")
        return super().__contains__(part)  # type: ignore[operator]  # raises as the sheet's own string does

    def __getattribute__(self, attribute: str) -> Any:
        if not attribute.startswith("_"):
            self._asked.append(f"page.{self._name}.{attribute}")
        return super().__getattribute__(attribute)

    def __len__(self) -> int:
        self._asked.append(f"length of page.{self._name}")
        return super().__len__()

    def __iter__(self) -> Iterator[str]:
        self._asked.append(f"characters of page.{self._name}")
        return super().__iter__()

    def __getitem__(self, key: Any) -> str:
        self._asked.append(f"page.{self._name}[{key!r}]")
        return super().__getitem__(key)


class _Page(_Unread):
    """The page as the shell sees it: sentinels for the strings filled in, the shape's values for the rest."""

    def __init__(
        self, page: Any, sentinel: dict[str, str], asked: list[str], questions: list[tuple], links: _Links
    ) -> None:
        first = next(iter(page.toc), None)
        values = _strings(page)

        def text(name: str) -> _Text | None:
            value = values[name]
            return None if value is None else _Text(sentinel[name], name, value, asked, questions)

        meta = dict(page.meta)
        if "title" in meta:
            meta["title"] = text("meta_title")
        super().__init__(
            "page",
            asked,
            meta=meta,
            title=text("title"),
            canonical_url=text("canonical_url"),
            content=text("content"),
            edit_url=text("edit_url"),
            _url=_stand_in_url(page.url),
            _links=links,
            toc=_Toc(None if first is None else sentinel["skip"], asked),
            previous_page=None,
            next_page=None,
            is_homepage=page.is_homepage,
        )

    @property
    def url(self) -> str:
        """The stand-in's URL: read by MkDocs' `url` filter, the same from every folder of a depth but for links into
        the folder (checked for each sheet); read otherwise, the shell stands for its own folder alone."""
        links = self.__dict__["_links"]
        if not links.inside:
            links.url_read = True
        return self.__dict__["_url"]


class Logged(logging.Handler):
    """Messages of MkDocs and its plugins while a page is themed or a probe rendered (titles.py): noted (`keep`), or
    kept from the log."""

    def __init__(self, keep: bool = True) -> None:
        super().__init__(logging.DEBUG)
        self.keep = keep
        self.records: list[logging.LogRecord] = []
        self.disabled_before = logging.NOTSET

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> Logged:
        if self.keep:
            logging.getLogger("mkdocs").addHandler(self)
        else:
            self.disabled_before = logging.root.manager.disable
            logging.disable(logging.CRITICAL)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.keep:
            logging.getLogger("mkdocs").removeHandler(self)
        else:
            logging.disable(self.disabled_before)
