"""xAPI: the statements the site sends to a Learning Record Store, and reading them back as feedback records.

Plain Python (no MkDocs). One vocabulary, used by the build (which hands the browser every IRI it needs, so the
JavaScript builds none itself) and by `read_statements`, so what is sent and what is read back cannot drift:

- activities, under the site URL (`site_url` in mkdocs.yml, with its trailing slash):
  the site itself `{site}` (a course, in every statement's `context.contextActivities.grouping`),
  a track `{site}xapi/tracks/{track id}` (also in `grouping`), a module `{site}xapi/modules/{module id}`
  (what is viewed and rated), its self-check `{site}xapi/modules/{module id}/self-check` (what is completed) and
  a question `{site}xapi/modules/{module id}/quiz/{quiz id}` (what is answered; the quiz id is stable across
  languages and edits, see quiz/parse.py);
- context extensions `{site}xapi/extensions/{name}` for `module`, `track`, `session`, `lang` and `build` (the
  commit the page was built from); the result extension `{site}xapi/extensions/first-try` on answers;
- verbs: `http://id.tincanapi.com/verb/viewed`, ADL's `answered` and `completed`, `http://id.tincanapi.com/verb/rated`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlencode, urljoin, urlsplit

from .feedbackrecords import FeedbackRecord, record_key
from .problems import Problem, Severity

VERSION = "1.0.3"
VERBS = {
    "viewed": "http://id.tincanapi.com/verb/viewed",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "rated": "http://id.tincanapi.com/verb/rated",
}
KIND_OF_VERB = {VERBS["answered"]: "answer", VERBS["completed"]: "completion", VERBS["rated"]: "rating"}
ACTIVITY_TYPES = {
    "site": "http://adlnet.gov/expapi/activities/course",
    "track": "http://adlnet.gov/expapi/activities/module",
    "module": "http://adlnet.gov/expapi/activities/lesson",
    "self-check": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
}
#: the properties that identify an xAPI Agent (inverse functional identifiers)
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
CONTEXT_EXTENSIONS = ("module", "track", "session", "lang", "build")
#: rating faces: 1 (did not help) to 3 (helped a lot), as in FeedbackRecord.rating
RATING_MIN, RATING_MAX = 1, 3
#: a page of statements the reader follows at most (an LRS that keeps sending `more` is not followed forever)
MAX_PAGES = 10_000


def site_activity(site_url: str) -> str:
    """The site's activity id: its URL with one trailing slash."""
    return site_url.rstrip("/") + "/"


@dataclass(frozen=True)
class Vocabulary:
    """Every IRI of one site's statements."""

    site: str

    @classmethod
    def for_site(cls, site_url: str) -> Vocabulary:
        return cls(site_activity(site_url))

    def track(self, track_id: str) -> str:
        return f"{self.site}xapi/tracks/{quote(track_id)}"

    def module(self, module_id: str) -> str:
        return f"{self.site}xapi/modules/{quote(module_id)}"

    def self_check(self, module_id: str) -> str:
        return self.module(module_id) + "/self-check"

    def question_prefix(self, module_id: str) -> str:
        return self.module(module_id) + "/quiz/"

    def question(self, module_id: str, quiz_id: str) -> str:
        return self.question_prefix(module_id) + quote(quiz_id, safe="")

    def extension(self, name: str) -> str:
        return f"{self.site}xapi/extensions/{name}"

    def browser_data(self) -> dict[str, Any]:
        """What the browser needs to build statements, without any page's data."""
        return {
            "site": self.site,
            "verbs": VERBS,
            "types": ACTIVITY_TYPES,
            "ext": {name: self.extension(name) for name in (*CONTEXT_EXTENSIONS, "first-try")},
        }


def basic_auth(username: str, password: str) -> str:
    """An `Authorization` header value for HTTP basic authentication."""
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


# -- reading statements back --------------------------------------------------------------------------------------


class UnreadableStatement(ValueError):
    """A statement of the site that lacks what its kind needs (reported as a problem, then left out)."""


def read_statements(
    endpoint: str, *, auth: str | None = None, since: str | None = None, site: str | None = None
) -> tuple[list[FeedbackRecord], list[Problem]]:
    """Every statement of the site's activities in the LRS at `endpoint` (following `more` pages), as records.

    `auth` is an `Authorization` header value (`Basic …`); `since` an ISO 8601 timestamp. Problems are one per
    statement that cannot be read, located at the endpoint URL (line = the statement's position in the answer).
    `site` (the site URL) asks the LRS for that site's statements only; without it every statement is read and
    those a Smartshare site sent are kept (they name their site in `grouping`, see the module docstring).
    Statements that are not feedback (module viewed) give no record. An LRS that cannot be reached or refuses
    the credential is one error problem and no records.
    """
    base = endpoint.rstrip("/") + "/"
    query: dict[str, str] = {"limit": "100"}
    if site:
        query.update(activity=site_activity(site), related_activities="true")
    if since:
        query["since"] = since
    records: list[FeedbackRecord] = []
    problems: list[Problem] = []
    position = 0
    try:
        for statement in _statements(base, urlencode(query), auth):
            position += 1
            try:
                record = statement_record(statement, site_activity(site) if site else None)
            except UnreadableStatement as error:
                ident = statement.get("id") if isinstance(statement, dict) else None
                problems.append(
                    Problem(
                        endpoint,
                        position,
                        1,
                        Severity.WARNING,
                        "xapi-statement",
                        f"statement {ident or '(without id)'}: {error}",
                        "left out; the other statements were read",
                    )
                )
                continue
            if record is not None:
                records.append(record)
    except _LrsError as error:
        problems.append(Problem(endpoint, 1, 1, Severity.ERROR, "xapi-lrs", str(error), error.hint))
        return [], problems
    return sorted(records), problems


class _LrsError(Exception):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def _statements(base: str, query: str, auth: str | None) -> Iterator[Any]:
    url = urljoin(base, "statements") + "?" + query
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    for _ in range(MAX_PAGES):
        answer = _get(url, auth)
        if not isinstance(answer, dict) or not isinstance(answer.get("statements"), list):
            raise _LrsError(f"{url} did not answer with a StatementResult", "is this the LRS's xAPI endpoint?")
        yield from answer["statements"]
        more = answer.get("more")
        if not more:
            return
        # `more` is a URL relative to the LRS's host (xAPI 1.0.3, 2.1.3), or absolute
        url = urljoin(origin + "/", more)


def _get(url: str, auth: str | None) -> Any:
    headers = {"X-Experience-API-Version": VERSION, "Accept": "application/json"}
    if auth:
        headers["Authorization"] = auth
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        if error.code in (401, 403):
            raise _LrsError(
                f"the LRS refused to list statements (HTTP {error.code})",
                "use a credential that may read statements (Ralph: scope statements/read), not the site's "
                "write-only one",
            ) from None
        raise _LrsError(f"the LRS answered HTTP {error.code} to {url}", "check the endpoint URL") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise _LrsError(f"cannot reach the LRS at {url}: {reason}", "check the endpoint URL and the network") from None
    except ValueError:
        raise _LrsError(f"{url} did not answer with JSON", "is this the LRS's xAPI endpoint?") from None


def _site_of(statement: dict, context: dict, site: str | None) -> str | None:
    """The Smartshare site that sent `statement`, named in its `grouping`: `site` when given, else an activity
    whose module extension the statement carries."""
    grouping = _dict(context.get("contextActivities")).get("grouping") or []
    if isinstance(grouping, dict):
        grouping = [grouping]
    extensions = _dict(context.get("extensions"))
    for activity in grouping:
        ident = activity.get("id") if isinstance(activity, dict) else None
        if not isinstance(ident, str):
            continue
        if ident == site or (site is None and Vocabulary(ident).extension("module") in extensions):
            return ident
    return None


def statement_record(statement: Any, site: str | None = None) -> FeedbackRecord | None:
    """The record a statement of a Smartshare site becomes; None for another site's or a view.

    Raises `UnreadableStatement` for a statement of the site that lacks what its kind needs.
    """
    if not isinstance(statement, dict):
        raise UnreadableStatement("not a JSON object")
    context = statement.get("context")
    if not isinstance(context, dict):
        return None
    found = _site_of(statement, context, site)
    if found is None:
        return None
    words = Vocabulary(found)
    kind = KIND_OF_VERB.get(str(_dict(statement.get("verb")).get("id")))
    if kind is None:
        return None  # viewed, or a verb another tool adds to the same activities: not feedback
    ident = statement.get("id")
    if not isinstance(ident, str) or not ident:
        raise UnreadableStatement("no statement id")
    extensions = _dict(context.get("extensions"))
    keys = {name: extensions.get(words.extension(name)) for name in CONTEXT_EXTENSIONS}
    module = keys["module"]
    if not isinstance(module, str) or not module:
        raise UnreadableStatement("no module id in its context")
    result = _dict(statement.get("result"))
    score = _dict(result.get("score"))
    fields: dict[str, Any] = {}
    if kind == "answer":
        object_id = _text(_dict(statement.get("object")).get("id"))
        prefix = words.question_prefix(module)
        if not object_id.startswith(prefix) or len(object_id) == len(prefix):
            raise UnreadableStatement(f"answered {object_id!r}, which is not a question of module {module!r}")
        if not isinstance(result.get("success"), bool):
            raise UnreadableStatement("an answer without result.success")
        response = result.get("response")
        first = _dict(result.get("extensions")).get(words.extension("first-try"))
        fields.update(
            question=unquote(object_id[len(prefix) :]),
            correct=result["success"],
            choice=",".join(response.split("[,]")) if isinstance(response, str) else "",
            first_try=first if isinstance(first, bool) else None,
        )
    elif kind == "completion":
        scaled = score.get("scaled")
        if not isinstance(scaled, (int, float)) or isinstance(scaled, bool) or not 0 <= scaled <= 1:
            raise UnreadableStatement("a completed self-check without result.score.scaled between 0 and 1")
        fields["score"] = float(scaled)
    else:
        raw = score.get("raw")
        if not isinstance(raw, (int, float)) or isinstance(raw, bool) or not RATING_MIN <= raw <= RATING_MAX:
            raise UnreadableStatement(f"a rating without result.score.raw from {RATING_MIN} to {RATING_MAX}")
        fields["rating"] = round(raw)
    return FeedbackRecord(
        key=ident,
        source="xapi",
        kind=kind,
        module=module,
        track=_text(keys["track"]),
        session=_text(keys["session"]),
        lang=_text(keys["lang"]),
        build=_text(keys["build"]),
        time=_utc(statement.get("timestamp")),
        respondent=_respondent(statement.get("actor"), found),
        **fields,
    )


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _utc(timestamp: Any) -> str:
    """ISO 8601 in UTC, to the second (`2026-11-26T09:30:00Z`); empty when missing or unreadable."""
    if not isinstance(timestamp, str):
        return ""
    try:
        when = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _respondent(actor: Any, site: str) -> str:
    """The anonymous per-browser id as it is; any other actor (configured by the organisation) only as a hash."""
    if not isinstance(actor, dict):
        return ""
    account = actor.get("account")
    if isinstance(account, dict) and account.get("homePage") == site and isinstance(account.get("name"), str):
        return account["name"]
    for ifi in IFIS:
        if actor.get(ifi):
            return record_key("xapi-actor", ifi, json.dumps(actor[ifi], sort_keys=True))
    return ""
