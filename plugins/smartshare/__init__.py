"""Smartshare: MkDocs plugins and a command line that turn workshop curricula into a course site."""

__version__ = "0.1.0"
