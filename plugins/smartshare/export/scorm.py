"""SCORM 1.2 packages: one zip per track (or per module), one SCO per module, made from the offline build.

The site is built once with `mkdocs build` in offline mode (`.html` URLs, no instant navigation, nothing
from another host); each package takes the track's pages, the theme's and plugins' assets, the search index
and every local file the pages use, adds `imsmanifest.xml` and mounts `scorm.js` (the LMS adapter) in its
pages only. The site itself never loads the adapter.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as etree
import zipfile
from dataclasses import dataclass, field

from ..core.model import Curriculum, Module, Track

ADAPTER = "scorm.js"
ADAPTER_URI = "assets/smartshare/scorm.js"
LAUNCH_PARAMETER = (
    "smartshare-sco=1"  # the adapter reports only on the page the LMS launched, not on pages opened from it
)
SHARED = ("assets/", "search/")  # every package carries the theme, the plugins' assets and the search index
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = " ".join(
    [
        f"{CP} imscp_rootv1p1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd",
        f"{ADLCP} adlcp_rootv1p2.xsd",
    ]
)
_REFERENCE = re.compile(r"""\b(?:src|href)=["']?([^"'\s>]+)""")
_QUIZ_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"[^\"]*assets/smartshare/quiz\.js\"")
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">\s*')
HERE = os.path.dirname(__file__)


class BuildFailed(Exception):
    def __init__(self, output: str) -> None:
        super().__init__("mkdocs build failed")
        self.output = output


@dataclass
class Package:
    name: str  # file name of the zip
    title: str
    modules: list[Module]
    files: list[str] = field(default_factory=list)  # site-relative paths


def build_offline_site(config_file: str, site_dir: str) -> None:
    """The site as the offline edition builds it (`make offline`), into `site_dir`."""
    env = {**os.environ, "SMARTSHARE_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    tool = os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs")
    command = [sys.executable, "-m", tool, "build", "--quiet", "--config-file", config_file, "--site-dir", site_dir]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise BuildFailed(result.stdout + result.stderr)


def page_of(site_dir: str, module: Module) -> str | None:
    """The built page of a module: `ai/chatbots.html` offline, `ai/chatbots/index.html` otherwise."""
    for candidate in (f"{module.id}.html", f"{module.id}/index.html"):
        if os.path.isfile(os.path.join(site_dir, candidate)):
            return candidate
    return None


def plan(curriculum: Curriculum, per_module: bool) -> list[Package]:
    packages = []
    for track in curriculum.tracks:
        modules = curriculum.modules_of(track)
        if not modules:
            continue
        packages.append(Package(_file_name(track.id), track.title, modules))
        if per_module:
            packages += [Package(_file_name(m.id), m.title, [m]) for m in modules]
    return packages


def write_packages(
    curriculum: Curriculum, site_dir: str, out_dir: str, per_module: bool = False
) -> list[tuple[Package, str]]:
    written = []
    for package in plan(curriculum, per_module):
        track = curriculum.track(package.modules[0].track_id)
        package.files = _files(site_dir, package, track)
        target = os.path.join(out_dir, package.name)
        _zip(site_dir, package, target)
        written.append((package, target))
    return written


def manifest(package: Package, site_dir: str) -> str:
    etree.register_namespace("", CP)
    etree.register_namespace("adlcp", ADLCP)
    etree.register_namespace("xsi", XSI)
    identifier = _identifier("smartshare-" + package.name.removesuffix(".zip"))
    root = etree.Element(
        f"{{{CP}}}manifest", {"identifier": identifier, "version": "1.0", f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS}
    )
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "ADL SCORM"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.2"
    organizations = etree.SubElement(root, f"{{{CP}}}organizations", {"default": "organization"})
    organization = etree.SubElement(organizations, f"{{{CP}}}organization", {"identifier": "organization"})
    etree.SubElement(organization, f"{{{CP}}}title").text = package.title
    resources = etree.SubElement(root, f"{{{CP}}}resources")
    launched = set()
    for module in package.modules:
        page = page_of(site_dir, module)
        if page is None:
            continue
        launched.add(page)
        name = _identifier(module.id)
        item = etree.SubElement(
            organization, f"{{{CP}}}item", {"identifier": f"item-{name}", "identifierref": f"sco-{name}"}
        )
        etree.SubElement(item, f"{{{CP}}}title").text = module.title
        resource = etree.SubElement(
            resources,
            f"{{{CP}}}resource",
            {
                "identifier": f"sco-{name}",
                "type": "webcontent",
                f"{{{ADLCP}}}scormtype": "sco",
                "href": f"{page}?{LAUNCH_PARAMETER}",
            },
        )
        etree.SubElement(resource, f"{{{CP}}}file", {"href": page})
        etree.SubElement(resource, f"{{{CP}}}dependency", {"identifierref": "shared"})
    shared = etree.SubElement(
        resources, f"{{{CP}}}resource", {"identifier": "shared", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"}
    )
    for path in package.files:
        if path not in launched:
            etree.SubElement(shared, f"{{{CP}}}file", {"href": path})
    etree.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def with_adapter(html: str, page: str) -> str:
    """The page with the adapter's script, before quiz.js so that it restores answers before quiz.js reads them."""
    html = _CANONICAL.sub("", html, count=1)  # the package is not at the site's address
    depth = page.count("/")
    tag = f'<script src="{"../" * depth}{ADAPTER_URI}"></script>'
    match = _QUIZ_SCRIPT.search(html)
    if match:
        return html[: match.start()] + tag + html[match.start() :]
    return html.replace("</body>", tag + "</body>", 1)


def _files(site_dir: str, package: Package, track: Track | None) -> list[str]:
    """The track's pages and folder, the shared assets, and any other local file those pages use."""
    files: set[str] = set()
    folders = [*SHARED, f"{track.id}/"] if track else list(SHARED)
    for folder in folders:
        for base, _, names in os.walk(os.path.join(site_dir, folder)):
            for name in names:
                files.add(os.path.relpath(os.path.join(base, name), site_dir).replace(os.sep, "/"))
    if track and package.name != _file_name(track.id):  # a module's own package: its page and the track's
        keep = {page_of(site_dir, package.modules[0]), f"{track.id}/index.html"}
        files = {f for f in files if not f.endswith(".html") or f in keep or f.startswith(SHARED)}
    for page in [f for f in sorted(files) if f.endswith(".html")]:
        with open(os.path.join(site_dir, page), encoding="utf-8") as handle:
            html = handle.read()
        for reference in _REFERENCE.findall(html):
            parts = urllib.parse.urlsplit(reference)
            if parts.scheme or parts.netloc or not parts.path or parts.path.endswith((".html", "/")):
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), urllib.parse.unquote(parts.path)))
            if not path.startswith("..") and os.path.isfile(os.path.join(site_dir, path)):
                files.add(path)
    files.discard(ADAPTER_URI)
    return [*sorted(files), ADAPTER_URI]


def _zip(site_dir: str, package: Package, target: str) -> None:
    """Sorted entries, one timestamp (SOURCE_DATE_EPOCH): two exports of one commit give the same zip."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    stamp = time.gmtime(max(int(epoch), 315532800))[:6] if epoch.isdigit() else (1980, 1, 1, 0, 0, 0)

    def add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        archive.writestr(info, data)

    with zipfile.ZipFile(target, "w") as archive:
        add(archive, "imsmanifest.xml", manifest(package, site_dir).encode("utf-8"))
        for path in package.files:
            if path == ADAPTER_URI:
                with open(os.path.join(HERE, "assets", ADAPTER), "rb") as handle:
                    add(archive, path, handle.read())
                continue
            with open(os.path.join(site_dir, path), "rb") as handle:
                data = handle.read()
            if path.endswith(".html"):
                data = with_adapter(data.decode("utf-8"), path).encode("utf-8")
            add(archive, path, data)


def _identifier(text: str) -> str:
    """An XML ID (NCName): letters, digits, '-', '_' and '.', not starting with a digit."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"
    return cleaned if cleaned[0].isalpha() or cleaned[0] == "_" else f"m-{cleaned}"


def _file_name(identifier: str) -> str:
    return identifier.replace("/", "-") + ".zip"


def export(curriculum: Curriculum, config_file: str, out_dir: str, per_module: bool = False):
    """Build the offline site in a temporary folder and write every package into `out_dir`."""
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="smartshare-scorm-") as temp:
        site_dir = os.path.join(temp, "site")
        build_offline_site(config_file, site_dir)
        written = write_packages(curriculum, site_dir, out_dir, per_module)
        shutil.rmtree(site_dir, ignore_errors=True)
    return written
