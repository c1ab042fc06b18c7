#!/usr/bin/env python3
"""Serves the built site with the response headers it ships for static hosts (dist/_headers),
so that what is tested is what is hosted.

    python3 scripts/static-server.py DIST PORT
"""
import fnmatch
import functools
import http.server
import sys
from pathlib import Path


def read_headers(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The `_headers` format: a path pattern, then its headers indented under it."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
            continue
        name, _, value = line.strip().partition(":")
        if not rules or not value:
            sys.exit(f"static-server.py: {path}: a header outside a path, or without a value: {line!r}")
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}
    rules: list[tuple[str, list[tuple[str, str]]]] = []

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        sys.stderr.write("%s %s\n" % (self.address_string(), format % args))


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, port = Path(sys.argv[1]), int(sys.argv[2])
    Handler.rules = read_headers(root / "_headers")
    handler = functools.partial(Handler, directory=str(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
