#!/usr/bin/env python3
"""Trunk's post-build hook (Trunk.toml): completes each page's Content-Security-Policy.

The policy is a static meta tag right after `<meta charset>` in index.html and apply.html, in
force before any script runs. It allows inline code by hash only, and the inline code (trunk's
loader script and the inlined stylesheets) exists only once trunk has written and minified the
page, so this hook hashes what is in the staged page and fills the policy's two placeholders.
Fails the build when a page has no policy, a placeholder is left, or an inline event handler
or style attribute would need 'unsafe-inline'.
"""
import base64
import hashlib
import os
import re
import sys
from pathlib import Path

SCRIPT_SLOT = "'inline-script-hashes'"
STYLE_SLOT = "'inline-style-hashes'"


def sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def complete(html: str, page: str) -> str:
    scripts = [
        body
        for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I)
        if not re.search(r"\bsrc\s*=", attrs, re.I)
    ]
    styles = re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S | re.I)
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", html, flags=re.S | re.I)
    if re.search(r"<[^>]+\s(on[a-z]+|style)\s*=", markup, re.I):
        sys.exit(f"csp-hashes.py: {page} has an inline event handler or style attribute")
    if html.count(SCRIPT_SLOT) != 1 or html.count(STYLE_SLOT) != 1:
        sys.exit(f"csp-hashes.py: {page} has no Content-Security-Policy with both hash slots")
    script_hashes = " ".join(sha256(s) for s in scripts) or "'none'"
    style_hashes = " ".join(sha256(s) for s in styles) or "'none'"
    return html.replace(SCRIPT_SLOT, script_hashes).replace(STYLE_SLOT, style_hashes)


def main() -> None:
    staging = Path(os.environ["TRUNK_STAGING_DIR"])
    pages = sorted(staging.glob("*.html"))
    if not pages:
        sys.exit(f"csp-hashes.py: no page in {staging}")
    for page in pages:
        page.write_text(complete(page.read_text(encoding="utf-8"), page.name), encoding="utf-8")


if __name__ == "__main__":
    main()
