"""Headless-browser harness: serve a built site on loopback, browse it with the network cut.

Reusable by any browser test (``from browser import ...``; pytest puts tests/ on
sys.path). Design:

* :func:`serve_directory` binds 127.0.0.1 on a free port *before* the site exists, so
  a test can write ``site_url`` with the real origin and then build into the directory.
* :func:`offline_browser` launches the system Chromium (``/usr/bin/chromium``; no
  Playwright browser download) via Playwright's Python API. Every request any page
  makes is recorded; requests to non-loopback hosts are aborted by a context route
  and Chromium's resolver maps every other host name to nothing, so the site is
  exercised exactly as it would be offline. :meth:`NetworkLog.assert_offline` fails
  the test if anything tried to leave the machine.
* No silent skips: a missing Chromium or Playwright is a test failure with a message.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import ipaddress
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # Belt and braces beyond the Playwright route: host names other than the loopback
    # ones resolve to nothing, even for requests Playwright cannot intercept.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}


def is_loopback_url(url: str) -> bool:
    """True for URLs that cannot leave the machine (loopback hosts, data:, blob:, file:...)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in NETWORK_SCHEMES:
        return True  # data:, blob:, about:, file:, chrome-error: ... never hit the network
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve *root* (which may not exist yet) on 127.0.0.1:<free port>; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class NetworkLog:
    """Every URL the browser requested, and the ones refused for leaving loopback."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def non_loopback(self) -> list[str]:
        return sorted({url for url in [*self.requests, *self.blocked]
                       if not is_loopback_url(url)})

    def assert_offline(self) -> None:
        outside = self.non_loopback()
        assert not outside, f"the page tried to reach the network: {outside}"


def require_chromium() -> str:
    """Path of the Chromium binary, or an AssertionError saying how to get one."""
    path = CHROMIUM if os.path.isabs(CHROMIUM) else shutil.which(CHROMIUM)
    if not path or not os.access(path, os.X_OK):
        raise AssertionError(
            f"Chromium not found at {CHROMIUM!r}: install it (apt-get install chromium) "
            "or set BRIEFING_CHROMIUM; browser tests are not skipped on purpose."
        )
    return path


@contextlib.contextmanager
def offline_browser(*, expect_offline: bool = True, width: int = 1200,
                    height: int = 900) -> Iterator[tuple[object, NetworkLog]]:
    """Yield ``(context, log)``: a Playwright BrowserContext with the network cut.

    Use ``context.new_page()``; the log fills in as pages load. On leaving the block
    the test fails if any page tried to reach a non-loopback address (unless
    ``expect_offline=False``, for tests that inspect the log themselves).
    """
    executable = require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - dependency missing
        raise AssertionError("playwright is not installed (pip install playwright)") from error

    log = NetworkLog()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(service_workers="block",
                                          viewport={"width": width, "height": height})

            def route(route_: object) -> None:
                url = route_.request.url  # type: ignore[attr-defined]
                if is_loopback_url(url):
                    route_.continue_()  # type: ignore[attr-defined]
                else:
                    log.blocked.append(url)
                    route_.abort("internetdisconnected")  # type: ignore[attr-defined]

            context.route("**/*", route)
            context.on("request", lambda request: log.requests.append(request.url))
            context.on("weberror", lambda error: log.page_errors.append(str(error.error)))

            def on_page(page: object) -> None:
                page.on("websocket", lambda ws: log.requests.append(ws.url))  # type: ignore
                page.on("console", lambda msg: log.console_errors.append(msg.text)  # type: ignore
                        if msg.type == "error" else None)

            context.on("page", on_page)
            yield context, log
            context.close()
        finally:
            browser.close()
    if expect_offline:
        log.assert_offline()
