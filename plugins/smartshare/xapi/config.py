from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.xapi import IFIS


class Endpoint(c.Optional):
    """The LRS's xAPI endpoint: an http(s) URL, kept with one trailing slash."""

    def __init__(self) -> None:
        super().__init__(c.URL())

    def run_validation(self, value):
        value = super().run_validation(value)
        return value if value is None else value.rstrip("/") + "/"


class Actor(c.BaseConfigOption):
    """`anonymous`, or an xAPI Agent given whole (a mapping with one identifier: mbox, account, …)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = "anonymous"

    def run_validation(self, value):
        if value is None or value == "anonymous":
            return None
        if not isinstance(value, dict) or not any(key in value for key in IFIS):
            raise c.ValidationError(
                "expected 'anonymous' or an xAPI Agent with one of "
                + ", ".join(IFIS)
                + " — e.g. actor: {account: {homePage: https://intranet.example.com/, name: learning-kiosk}}"
            )
        return {"objectType": "Agent", **value}


class XapiConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build without sending learning events, whatever `endpoint` says."""

    endpoint = Endpoint()
    """The xAPI endpoint of the organisation's Learning Record Store on the intranet, e.g.
    `https://lrs.intranet.example.com/xAPI/` (Ralph's statements are under `/xAPI/statements`). Without it, the
    plugin does nothing: learning events are off by default. It is the one other host pages may contact."""

    auth = c.Optional(c.Type(str))
    """The `Authorization` header the browser sends, e.g. `Basic c21hcnRzaGFyZTpjaGFuZ2UtbWU=`. Every learner can
    read it in the page: give a credential that may only write statements (Ralph: a user with the single scope
    `statements/write`, and `LRS_RESTRICT_BY_SCOPES`), never one that reads them."""

    actor = Actor()
    """Who the statements are about. `anonymous` (the default): a random id made once per browser and kept in its
    storage, `{account: {homePage: <site_url>, name: <uuid>}}`, nothing personal. Or an xAPI Agent the
    organisation chooses, sent as is in every statement."""
