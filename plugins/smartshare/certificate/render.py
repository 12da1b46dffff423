"""The certificate block of a track page: inert HTML that certificate.js shows once the track is done."""

from __future__ import annotations

import html
import json

from ..core.i18n import Translator
from ..core.model import Module, Track
from ..quiz.parse import count_quizzes


def certificate_html(track: Track, modules: list[tuple[Module, str]], t: Translator, site_name: str) -> str:
    """`modules`: the track's modules with their page URLs (the keys under which quiz.js keeps their answers).

    Modules without a self-check need nothing to be done; a track with no self-check at all has no certificate."""
    pages = [url for module, url in modules if count_quizzes(module.body)]
    if not pages:
        return ""
    e = html.escape
    data = e(json.dumps({"track": track.id, "pages": pages}, ensure_ascii=False))
    pending = e(t("certificate.pending", done="{done}", total="{total}"))
    items = "".join(f"<li>{e(module.title)}</li>" for module, _ in modules)
    return f"""
<section class="smartshare-certificate" data-smartshare-certificate="{data}" data-pending="{pending}" hidden>
  <h2>{e(t("certificate.heading"))}</h2>
  <p class="smartshare-certificate__pending" role="status"></p>
  <div class="smartshare-certificate__form" hidden>
    <p>{e(t("certificate.intro"))}</p>
    <p><label>{e(t("certificate.name"))}<br><input type="text" autocomplete="name" maxlength="80"></label></p>
    <p><button type="button" class="md-button md-button--primary" data-action="print">{e(t("certificate.print"))}</button></p>
  </div>
  <div class="smartshare-certificate__sheet" hidden>
    <p class="smartshare-certificate__site">{e(site_name)}</p>
    <p class="smartshare-certificate__title">{e(t("certificate.heading"))}</p>
    <p>{e(t("certificate.awarded"))}</p>
    <p class="smartshare-certificate__name"></p>
    <p>{e(t("certificate.completed"))}</p>
    <p class="smartshare-certificate__track">{e(track.title)}</p>
    <ol class="smartshare-certificate__modules">{items}</ol>
    <p class="smartshare-certificate__date" data-template="{e(t("certificate.date", date="{date}"))}"></p>
  </div>
</section>
"""
