"""Moodle XML question banks: every text as HTML, images embedded as base64 `<file>` elements.

Structure as documented for Moodle's XML format: a `<quiz>` of `<question>` elements, a `type="category"` one
before the questions of each module, `questiontext`/`generalfeedback`/`answer`/`feedback` holding `<text>`.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as etree

from .html import HtmlConverter
from .questions import Bank, Question, format_fraction

PENALTY = "0.3333333"  # Moodle's default for "interactive with multiple tries"


def category_path(names: list[str]) -> str:
    """`$course$/top/AI for managers/Chatbots`; a '/' inside a name is written '//' as Moodle expects."""
    return "/".join(["$course$", "top", *(n.replace("/", "//") for n in names)])


def write(bank: Bank) -> str:
    converter = HtmlConverter()
    root = etree.Element("quiz")
    category: list[str] | None = None
    for question in bank.questions:
        if question.category != category:
            category = question.category
            entry = etree.SubElement(root, "question", {"type": "category"})
            _text(etree.SubElement(entry, "category"), category_path(category))
            _text(etree.SubElement(entry, "info", {"format": "html"}), "")
        root.append(_question(question, converter, bank))
    etree.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def _question(question: Question, converter: HtmlConverter, bank: Bank) -> etree.Element:
    element = etree.Element("question", {"type": question.kind})
    _text(etree.SubElement(element, "name"), question.name)
    _html(etree.SubElement(element, "questiontext", {"format": "html"}), question.text, question, converter, bank)
    _html(
        etree.SubElement(element, "generalfeedback", {"format": "html"}),
        question.general_feedback,
        question,
        converter,
        bank,
    )
    etree.SubElement(element, "defaultgrade").text = "1"
    etree.SubElement(element, "penalty").text = "1" if question.kind == "truefalse" else PENALTY
    etree.SubElement(element, "hidden").text = "0"
    etree.SubElement(element, "idnumber").text = question.name[:100]
    if question.kind == "multichoice":
        etree.SubElement(element, "single").text = "true" if question.single else "false"
        etree.SubElement(element, "shuffleanswers").text = "true" if question.shuffle else "false"
        etree.SubElement(element, "answernumbering").text = "none"
    if question.kind == "shortanswer":
        etree.SubElement(element, "usecase").text = "0"  # case does not count, as on the site
    for answer in question.answers:
        rich = question.kind == "multichoice"
        attributes = {"fraction": format_fraction(answer.fraction), "format": "html" if rich else "moodle_auto_format"}
        node = etree.SubElement(element, "answer", attributes)
        if rich:
            _html(node, answer.text, question, converter, bank)
        else:
            _text(node, answer.text)
        if answer.tolerance is not None:
            etree.SubElement(node, "tolerance").text = f"{answer.tolerance:g}"
        _html(etree.SubElement(node, "feedback", {"format": "html"}), answer.feedback, question, converter, bank)
    if question.hint:
        _html(etree.SubElement(element, "hint", {"format": "html"}), question.hint, question, converter, bank)
    return element


def _text(parent: etree.Element, text: str) -> None:
    etree.SubElement(parent, "text").text = text


def _html(parent: etree.Element, markdown_text: str, question: Question, converter: HtmlConverter, bank: Bank) -> None:
    converted = converter.convert(markdown_text, question.base_dir)
    _text(parent, converted.html)
    for image in converted.images:
        with open(image.path, "rb") as handle:
            data = base64.b64encode(handle.read()).decode("ascii")
        etree.SubElement(parent, "file", {"name": image.name, "path": "/", "encoding": "base64"}).text = data
    for src in converted.missing:
        bank.problems.warning(
            question.path, question.line, 1, "export-image", f"image '{src}' not found: not embedded", "fix its path"
        )
    for src in converted.remote:
        bank.problems.warning(
            question.path,
            question.line,
            1,
            "export-image",
            f"image '{src}' is on another host: left out of the export",
            "copy the image next to the module and link it there",
        )
