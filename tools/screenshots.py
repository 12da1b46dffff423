"""`make screenshots`: build the example site, open it in headless Chromium and save the README's pictures.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Writes catalogue.png, module-quiz.png, mentor-view.png (desktop, 1280 px wide) and module-phone.png (a phone,
390 px wide) from the example curriculum, so the README's pictures show the site as it is built today. Each PNG is
reduced to a 256-colour palette (Pillow, already installed for the PDF handouts): a tenth of the size, and no
visible difference on flat interface colours. Like the browser tests, every request to another host is refused.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO / "tests"))

from harness import build_example_site, guard_requests, launch_chromium, serve_site  # noqa: E402

from examplesite import DEFAULT_LANGUAGE  # noqa: E402  (the pictures show the default language's site, /en/)

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def save_png(data: bytes, path: Path) -> int:
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)
    return path.stat().st_size


def take(site_url: str, out: Path) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport=DESKTOP, color_scheme="light", timezone_id="Europe/Paris")
        guard_requests(context, blocked)
        page = context.new_page()

        page.goto(site_url)
        sizes["catalogue.png"] = save_png(page.screenshot(), out / "catalogue.png")

        page.goto(site_url + "ai/chatbots/")
        quiz = page.locator(".smartshare-quiz").first
        quiz.locator("input").nth(1).check()  # a wrong answer: the quiz explains the learner's own choice
        quiz.locator("[data-action=check]").click()
        page.evaluate("document.querySelector('#self-check').scrollIntoView({block: 'start'}); scrollBy(0, -64)")
        sizes["module-quiz.png"] = save_png(page.screenshot(), out / "module-quiz.png")

        page.goto(site_url + "mentor/ai/chatbots/")
        page.get_by_role("button", name="Mentor view").click()
        page.mouse.move(640, 700)  # no hover or focus ring in the picture
        page.evaluate("document.activeElement.blur()")
        sizes["mentor-view.png"] = save_png(page.screenshot(), out / "mentor-view.png")
        context.close()

        phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
        guard_requests(phone, blocked)
        page = phone.new_page()
        page.goto(site_url + "ai/chatbots/")
        sizes["module-phone.png"] = save_png(page.screenshot(), out / "module-phone.png")
        phone.close()
        browser.close()
    if blocked:
        raise SystemExit(f"requests left localhost: {blocked}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="default: %(default)s")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        with serve_site(site) as url:
            build_example_site(site, url)
            sizes = take(url + DEFAULT_LANGUAGE + "/", args.out)  # the English site; the root is the chooser
    for name, size in sizes.items():
        print(f"{args.out / name}: {size / 1000:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
