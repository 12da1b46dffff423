"""The shipped server configurations and CI definitions fit the site that is built."""

import json
import re

import yaml

from smartshare.intranet.codequality import to_code_quality

from .harness import ROOT


def extensions(site):
    return {p.name.rsplit(".", 1)[-1] for p in site.rglob("*") if p.is_file() and "." in p.name}


def test_sample_servers_give_every_file_of_the_site_a_content_type(example_site):
    nginx = (ROOT / "deploy/nginx.conf").read_text()
    apache = (ROOT / "deploy/apache.conf").read_text()
    nginx_types = set(re.findall(r"^\s+[a-z]+/[\w.+-]+\s+([\w ]+);", nginx, re.MULTILINE))
    nginx_types = {ext for group in nginx_types for ext in group.split()}
    apache_types = {ext for line in re.findall(r"AddType \S+\s+(.+)", apache) for ext in re.findall(r"\.(\w+)", line)}
    assert extensions(example_site) - nginx_types == set()
    assert extensions(example_site) - apache_types == set()


def test_ci_definitions_check_build_strictly_test_and_publish():
    github = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    steps = " ".join(step.get("run", "") for step in github["jobs"]["build"]["steps"])
    for command in ("smartshare check --format github", "mkdocs build --strict", "make test", "make offline"):
        assert command in steps
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert "mkdocs build --strict" in " ".join(gitlab["build"]["script"])
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["preview"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'


def test_build_warnings_become_github_annotations():
    matcher = json.loads((ROOT / ".github/workflows/smartshare-problems.json").read_text())["problemMatcher"][0][
        "pattern"
    ][0]
    line = "WARNING -  smartshare: curricula/ai/chatbots.md:19:23: warning [broken-link] link 'x.md' leads nowhere"
    match = re.match(matcher["regexp"], line)
    assert (match.group(matcher["file"]), match.group(matcher["line"]), match.group(matcher["column"])) == (
        "curricula/ai/chatbots.md",
        "19",
        "23",
    )


def test_problems_become_a_gitlab_code_quality_report():
    problem = {
        "path": "curricula/ai/chatbots.md",
        "line": 7,
        "column": 3,
        "severity": "error",
        "code": "unknown-key",
        "message": "duraton",
        "hint": "did you mean 'duration'?",
    }
    [issue] = to_code_quality([problem])
    assert issue["location"] == {"path": "curricula/ai/chatbots.md", "lines": {"begin": 7}}
    assert issue["severity"] == "major" and issue["description"] == "[unknown-key] duraton — did you mean 'duration'?"
