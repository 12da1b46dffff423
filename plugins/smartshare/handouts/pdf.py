"""HTML documents to PDF with WeasyPrint, QR codes with segno. No MkDocs here.

WeasyPrint is given a URL fetcher that reads local files only: a handout never requests another host.
"""

from __future__ import annotations

import base64
import io
import os
import urllib.parse
import urllib.request

import segno
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# local files and data URIs only: an image on another host is left out of the PDF, never fetched
LOCAL_ONLY = URLFetcher(allowed_protocols={"file", "data"})


def qr_data_uri(text: str) -> str:
    """A QR code as a PNG data URI: a bitmap survives every PDF viewer and printer, and tests can decode it."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=6, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def render(html: str, base_dir: str):
    """Lay out `html` (relative links resolved from `base_dir`): the costly step, done once per document."""
    base_url = urllib.parse.urljoin("file:", urllib.request.pathname2url(os.path.join(base_dir, "")))
    return HTML(string=html, base_url=base_url, url_fetcher=LOCAL_ONLY).render()


def write(documents: list, target: str) -> int:
    """Write the pages of one or more laid-out documents as one PDF; returns its number of pages."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    pages = [page for document in documents for page in document.pages]
    documents[0].copy(pages).write_pdf(target)
    return len(pages)
