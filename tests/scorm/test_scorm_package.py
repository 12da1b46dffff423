"""`smartshare export scorm`: the manifest is valid SCORM 1.2, the package is complete and needs no other host."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree
from scormtree import GROUP, SCHEMAS

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
pytestmark = GROUP  # with test_scorm_browser.py, on one export (conftest.py)

# The SCORM 1.2 content packaging schema and the ADL extension it leaves open for (`processContents="strict"`),
# read together. imsmd_rootv1p2p1.xsd (metadata) is not loaded: libxml2 refuses its content model as not
# deterministic (XSD's Unique Particle Attribution rule). Our manifests use no imsmd element, and strict
# processing would reject one that is not imported, so the validation still covers every element written.
WRAPPER = """<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:smartshare:all" elementFormDefault="qualified">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="{dir}/imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="{dir}/adlcp_rootv1p2.xsd"/>
</xsd:schema>
"""


def schema(tmp_path: Path) -> etree.XMLSchema:
    """The ADL files as published, except one declaration libxml2 rightly refuses: ims_xml.xsd binds the default
    namespace to the reserved `xml` namespace (forbidden by Namespaces in XML); it declares nothing unprefixed."""
    for source in SCHEMAS.glob("*.xsd"):
        text = source.read_text(encoding="utf-8")
        if source.name == "ims_xml.xsd":
            text = text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1)
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    wrapper = tmp_path / "scorm12.xsd"
    wrapper.write_text(WRAPPER.format(dir=tmp_path.as_posix()), encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(wrapper)))


def read_manifest(package: Path) -> etree._Element:
    with zipfile.ZipFile(package) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml"))


def test_every_manifest_is_valid_against_the_scorm_1_2_schemas(packages, npm_packages, tmp_path):
    validator = schema(tmp_path)
    for package in sorted(packages.glob("*.zip")):
        manifest = read_manifest(package)
        assert validator.validate(manifest), (package.name, validator.error_log)
    broken = read_manifest(packages / "ai.zip")
    broken.find(f"{CP}organizations").set("unknown", "x")
    assert not validator.validate(broken)  # the schema does reject what it should


def test_a_track_package_has_one_sco_per_module_launched_with_the_adapters_parameter(packages):
    manifest = read_manifest(packages / "ai.zip")
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organization = manifest.find(f"{CP}organizations/{CP}organization")
    assert manifest.find(f"{CP}organizations").get("default") == organization.get("identifier")
    assert organization.findtext(f"{CP}title") == "AI for managers"
    items = organization.findall(f"{CP}item")
    assert [i.findtext(f"{CP}title") for i in items] == ["Chatbots", "Machine learning"]
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    scos = [resources[i.get("identifierref")] for i in items]
    assert [(r.get(f"{ADLCP}scormtype"), r.get("href")) for r in scos] == [
        ("sco", "ai/chatbots.html?smartshare-sco=1"),
        ("sco", "ai/machine-learning.html?smartshare-sco=1"),
    ]


def test_every_file_the_manifest_lists_is_in_the_zip_with_the_pages_assets_and_images(packages):
    with zipfile.ZipFile(packages / "ai.zip") as archive:
        names = set(archive.namelist())
        listed = {f.get("href") for f in read_manifest(packages / "ai.zip").iter(f"{CP}file")}
        assert listed <= names and names - listed == {"imsmanifest.xml"}
        assert {"ai/chatbots.html", "ai/machine-learning.html", "ai/index.html", "ai/diagram.svg"} <= names
        assert {"assets/smartshare/quiz.js", "assets/smartshare/scorm.js", "search/search_index.js"} <= names
        assert not any(n.startswith(("index.html", "mentors/", "tags/")) for n in names)  # other pages stay out
        page = archive.read("ai/chatbots.html").decode()
    adapter = page.index('<script src="../assets/smartshare/scorm.js"></script>')
    assert adapter < page.index('src="../assets/smartshare/quiz.js"')  # restores answers before quiz.js reads them


def test_a_module_package_holds_its_own_page_and_not_the_other_modules(packages):
    with zipfile.ZipFile(packages / "ai-chatbots.zip") as archive:
        pages = sorted(n for n in archive.namelist() if n.endswith(".html"))
    assert pages == ["ai/chatbots.html", "ai/index.html"]


def test_no_file_of_a_package_requests_another_host(packages, tmp_path):
    found = []
    with zipfile.ZipFile(packages / "ai.zip") as archive:
        for name in archive.namelist():
            if name.endswith((".html", ".css", ".js")) and not name.endswith(".map"):
                text = archive.read(name).decode("utf-8", "replace")
                for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
                    if re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag):
                        found.append((name, tag))
                if name.endswith(".css"):
                    found += [(name, u) for u in re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)", text)]
    assert found == []


def test_the_site_itself_never_loads_the_adapter(packages):
    with zipfile.ZipFile(packages / "ai.zip") as archive:
        assert b"scorm.js" not in archive.read("assets/smartshare/quiz.js")
    assert not list(Path(__file__).parents[2].glob("plugins/smartshare/*/templates/**/*scorm*"))
