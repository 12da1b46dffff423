"""Fixtures for the command line: a project folder (mkdocs.yml + curricula/) as the working directory."""

from clifixtures import Result, project, run, site  # noqa: F401  (fixtures pytest finds here)
