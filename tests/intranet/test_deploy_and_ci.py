"""The shipped server configurations and CI definitions fit the site that is built."""

import json
import re
import subprocess
import sys

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
    # Pages cannot protect a path: the learners' artifact is the site without its mentor area
    pages = next(s for s in github["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    # …of every language site too (site-learners/en/mentor …)
    assert pages["with"]["path"] == "site-learners" and "rm -rf site-learners/mentor site-learners/*/mentor" in steps
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert "mkdocs build --strict" in " ".join(gitlab["build"]["script"])
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert "rm -rf public/mentor public/*/mentor" in " ".join(gitlab["pages"]["script"])
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


def test_the_offline_edition_comes_as_a_learners_archive_without_the_mentor_area_and_a_mentors_archive(
    offline_site, tmp_path
):
    import zipfile

    env = {"SOURCE_DATE_EPOCH": "1795000000", "PATH": "/usr/bin:/bin"}
    learners, mentors = tmp_path / "learners.zip", tmp_path / "mentors.zip"
    archive = [sys.executable, "-m", "smartshare.intranet.archive", str(offline_site)]
    subprocess.run([*archive, str(learners), "--exclude", "mentor"], check=True, env=env)
    subprocess.run([*archive, str(mentors)], check=True, env=env)
    learner_names = zipfile.ZipFile(learners).namelist()
    mentor_names = zipfile.ZipFile(mentors).namelist()
    assert "site/index.html" in learner_names  # the language chooser
    for code in ("en", "fr", "zh"):  # every language site, each without its mentor area
        assert (
            f"site/{code}/ai/chatbots.html" in learner_names and f"site/{code}/search/search_index.js" in learner_names
        )
        assert f"site/{code}/mentor/ai/chatbots.html" in mentor_names
    area = re.compile(r"^site/(?:[a-z]{2}/)?mentor/")
    assert not [n for n in learner_names if area.match(n)]
    assert set(mentor_names) - set(learner_names) == {n for n in mentor_names if area.match(n)}
    makefile = (ROOT / "Makefile").read_text()
    assert (
        "smartshare-offline.zip --exclude $(MENTOR_PREFIX)" in makefile and "smartshare-offline-mentors.zip" in makefile
    )
