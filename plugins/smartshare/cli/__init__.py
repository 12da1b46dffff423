"""The `smartshare` command line: `new`, `check` and `stats`, on the same schema and loader as the plugins."""

from .app import main

__all__ = ["main"]
