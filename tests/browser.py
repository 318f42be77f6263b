"""Headless Chromium for the report tests, driven over the DevTools protocol on a pipe (no extra package).

>>> with Browser.start() as browser:                       # doctest: +SKIP
...     browser.open(Path("report.html"))
...     browser.evaluate("document.title")

:func:`find` gives the browser (Debian's ``chromium``) or None; :meth:`Browser.start` runs it as the report tests
need it: headless, sandboxed unless run as root, without any network service of its own, in a fresh profile.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio")


def find() -> str | None:
    """The path of a Chromium, or None."""
    return next((path for name in NAMES if (path := shutil.which(name))), None)


class Browser:
    """One Chromium process and one page in it."""

    def __init__(self, process: subprocess.Popen, profile: tempfile.TemporaryDirectory, to_browser, from_browser):
        self.process, self.profile = process, profile
        self.to_browser, self.from_browser = to_browser, from_browser
        self.counter = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    @classmethod
    def start(cls, executable: str | None = None) -> Browser:
        executable = executable or find()
        assert executable, "no Chromium"
        profile = tempfile.TemporaryDirectory(prefix="pac-chromium-")
        # the DevTools pipe: Chromium reads commands on fd 3 and writes answers on fd 4
        commands_read, commands_write = os.pipe()
        answers_read, answers_write = os.pipe()
        flags = [*FLAGS, f"--user-data-dir={profile.name}", "--remote-debugging-pipe"]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
        process = subprocess.Popen([executable, *flags, "about:blank"], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   pass_fds=(3, 4), preexec_fn=lambda: (os.dup2(commands_read, 3), os.dup2(answers_write, 4)))
        os.close(commands_read)
        os.close(answers_write)
        browser = cls(process, profile, os.fdopen(commands_write, "wb"), os.fdopen(answers_read, "rb"))
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        browser.session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.call(f"{domain}.enable")
        return browser

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.to_browser.close()
        self.from_browser.close()
        self.profile.cleanup()

    def _read(self) -> dict[str, Any]:
        data = bytearray()
        while (byte := self.from_browser.read(1)) != b"\0":
            assert byte, "Chromium closed the DevTools pipe"
            data += byte
        return json.loads(data)

    def call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and wait for its answer (events that come first are kept in ``events``)."""
        self.counter += 1
        message: dict[str, Any] = {"id": self.counter, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        self.to_browser.write(json.dumps(message).encode() + b"\0")
        self.to_browser.flush()
        while True:
            answer = self._read()
            if answer.get("id") == self.counter:
                assert "error" not in answer, f"{method}: {answer['error']}"
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, event: str) -> dict[str, Any]:
        while True:
            found = next((e for e in self.events if e.get("method") == event), None)
            if found is not None:
                self.events.remove(found)
                return found
            self.events.append(self._read())

    def open(self, path: Path, width: int = 1280, height: int = 900) -> None:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def console_errors(self) -> list[str]:
        """Errors the page logged: console.error, uncaught exceptions, and the browser's own (refused content)."""
        errors = []
        for event in self.events:
            params = event.get("params", {})
            if event.get("method") == "Runtime.consoleAPICalled" and params.get("type") == "error":
                errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif event.get("method") == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif event.get("method") == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", ""))
        return errors

    def media(self, media: str) -> None:
        self.call("Emulation.setEmulatedMedia", media=media)

    def screenshot(self, path: Path, full: bool = True) -> None:
        height = self.evaluate("document.documentElement.scrollHeight") if full else None
        clip = {"x": 0, "y": 0, "width": self.evaluate("document.documentElement.clientWidth"), "height": height,
                "scale": 1} if full else None
        result = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=full,
                           **({"clip": clip} if clip else {}))
        path.write_bytes(base64.b64decode(result["data"]))

    def pdf(self) -> bytes:
        """The page printed as the page's own CSS says (A4, landscape pages where it asks for them)."""
        result = self.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)
        return base64.b64decode(result["data"])


def pages(pdf: bytes) -> int:
    """How many pages a PDF that Chromium wrote has (its page objects; Chromium writes them uncompressed)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
