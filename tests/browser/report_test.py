#!/usr/bin/env python3
"""The HTML migration report in a real browser.

Converts tests/browser/data/sip.conf with make_report (HTML + JSON), opens the page from disk
in headless Chromium (Debian's `chromium` package) and checks what a person sees: the section
names, the highlighted settings and the summary counts against the JSON report of the same run,
that text from sip.conf stays text, that the page asks for nothing over the network, and that
the attention filter hides exactly the sections that need none (opened as `#attention`, and by
clicking the checkbox). Then a generated 5,000-peer sip.conf is loaded, timed and filtered.
Screenshots land in --out.

Chromium is driven over --remote-debugging-pipe (the DevTools protocol on file descriptors 3
and 4), so no WebSocket library is needed: only the Python standard library.

Exit codes: 0 passed, 1 failed, 77 chromium not installed (CTest SKIP_RETURN_CODE).
"""

import argparse
import base64
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
BIG_PEERS = 5000
# Flags the environment notes ask for when Chromium runs as root in a container; the profile
# directory is fresh for every run.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
    "--remote-debugging-pipe",
]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    print(f"ok: {message}")


class Browser:
    """One headless Chromium and one page, spoken to with DevTools protocol messages."""

    def __init__(self, binary, profile):
        # Our ends stay above 10 so that placing Chromium's ends on 3 and 4 clobbers nothing.
        to_browser_read, to_browser_write = [self._high(fd) for fd in os.pipe()]
        from_browser_read, from_browser_write = [self._high(fd) for fd in os.pipe()]

        def place_pipes():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=place_pipes,
            close_fds=False,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.writer = os.fdopen(to_browser_write, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_read, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable", session=True)

    @staticmethod
    def _high(fd):
        high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return high

    def _message(self):
        while b"\0" not in self.buffer:
            chunk = self.reader.read(1 << 16)
            if not chunk:
                raise Failure("chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.writer.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failure(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._message())
        raise Failure(f"no {method} within {timeout} s")

    def open(self, url):
        """Loads the page afresh (not a same-document jump) and returns the seconds it took."""
        self.call("Page.navigate", {"url": "about:blank"}, session=True)
        self.wait_for("Page.loadEventFired")
        self.events.clear()
        start = time.monotonic()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")
        return time.monotonic() - start

    def js(self, expression):
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        if "exceptionDetails" in result:
            raise Failure(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element, after scrolling it into view."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1},
                session=True,
            )

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))
        print(f"screenshot: {path}")

    def network_requests(self):
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def page_errors(self):
        return [
            e["params"]
            for e in self.events
            if e.get("method") == "Runtime.exceptionThrown"
            or (
                e.get("method") == "Runtime.consoleAPICalled"
                and e["params"].get("type") == "error"
            )
        ]

    def close(self):
        try:
            self.call("Browser.close")
        except Failure:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# Expressions evaluated in the page.
DISPLAYED = (
    "[...document.querySelectorAll('#sections > section')]"
    ".filter(s => getComputedStyle(s).display !== 'none').map(s => s.id)"
)
ATTENTION_IDS = "[...document.querySelectorAll('#sections > section.attn')].map(s => s.id)"


def texts(browser, selector):
    """The text of every element the CSS selector matches, in document order."""
    return browser.js(
        f"[...document.querySelectorAll({json.dumps(selector)})].map(e => e.textContent)"
    )


def count_text(browser, name):
    return int(browser.js(f"document.getElementById('count-{name}').textContent"))


def make_report(tool, sip_conf, html, json_path):
    result = subprocess.run(
        [tool, str(sip_conf), str(html), str(json_path)], capture_output=True, text=True
    )
    print(result.stdout, end="")
    if result.returncode != 0:
        raise Failure(f"make_report failed ({result.returncode}): {result.stderr}")
    return json.loads(pathlib.Path(json_path).read_text())


def check_small_report(browser, page, report, out):
    url = page.resolve().as_uri()
    browser.open(url)
    summary = report["summary"]

    # The fixture's sections, in file order, as the page names them.
    names = texts(browser, "#sections > section h2 a")
    check(
        names
        == ["[general]", "[phone](!)", "[100](phone)", "[101](phone)", "[102]", "[webrtc]",
            "[provider]", "[notes]"],
        f"section names in order: {names}",
    )
    check(len(names) == summary["sections"], "one section per sip.conf section")

    # Highlighted rows match the JSON of the same run and the numbers the summary shows.
    unconverted = browser.js("document.querySelectorAll('#sections tr.x').length")
    approximated = browser.js("document.querySelectorAll('#sections tr.a').length")
    check(unconverted == summary["not_converted"] == 2, f"{unconverted} unconverted rows")
    check(approximated == summary["approximated"] == 4, f"{approximated} approximated rows")
    for name, key in [
        ("peers", "peers"),
        ("trunks", "trunks"),
        ("registrations", "registrations"),
        ("objects", "objects"),
        ("approximated", "approximated"),
        ("not-converted", "not_converted"),
        ("attention", "attention_sections"),
    ]:
        shown = count_text(browser, name)
        check(shown == summary[key], f"summary shows {shown} {name}")
    check(
        [count_text(browser, n) for n in ("peers", "trunks", "registrations")] == [4, 1, 1],
        "4 peers, 1 trunk, 1 registration",
    )
    reasons = texts(browser, "#sections tr.x td.o")
    check(
        any("unknown option" in r for r in reasons)
        and any("skipped by chan_sip" in r for r in reasons),
        "unconverted rows give their reasons",
    )
    steps = browser.js(
        "[...document.querySelectorAll('#manual-steps li')].map(li => li.dataset.step)"
    )
    check(
        steps == ["review", "dialplan", "reregister", "guest-access", "http-conf", "modules"],
        f"manual steps {steps}",
    )

    # Text from sip.conf stays text: no script ran, no element was injected.
    check(browser.js("document.title") == "Migration report: " + report["files"][0]["path"],
          "the title was not changed by a script from sip.conf")
    check(browser.js("document.scripts.length") == 1, "the page's own script is the only one")
    check(browser.js("document.querySelectorAll('#sections img').length") == 0,
          "no <img> from sip.conf")
    values = texts(browser, "#sections td.v")
    check("unknownthing=<img src=x onerror=alert(1)>" in values, "markup in a value shows as text")
    check("callerid=\"Reception <&>\" <100>" in values, "quotes and < & > show as written")

    # Nothing is fetched: the only request is the page itself.
    requests = browser.network_requests()
    check(requests == [url], f"no request besides the page: {requests}")
    check(browser.page_errors() == [], "no script errors")
    browser.screenshot(out / "report.png")
    browser.js("document.getElementById('s2').scrollIntoView()")
    browser.screenshot(out / "report-sections.png")

    # The filter, opened by address: only the sections that need attention are displayed.
    attention = browser.js(ATTENTION_IDS)
    check(len(attention) == summary["attention_sections"] == 7, f"{len(attention)} need attention")
    browser.open(url + "#attention")
    check(browser.js("document.getElementById('attention-only').checked"),
          "#attention ticks the box")
    displayed = browser.js(DISPLAYED)
    check(displayed == attention, f"#attention displays only {displayed}")
    check("s4" not in displayed, "[102], which needs nothing, is hidden")
    browser.screenshot(out / "report-attention.png")

    # Clicking the checkbox shows everything again, and clicking it once more filters.
    browser.click("#attention-only")
    check(len(browser.js(DISPLAYED)) == len(names), "unticking shows every section")
    browser.click("#attention-only")
    check(browser.js(DISPLAYED) == attention, "ticking filters again")
    status = browser.js("document.getElementById('filter-status').textContent")
    check(status == f"Showing the 7 of {len(names)} sections that need attention", status)
    check(browser.page_errors() == [], "no script errors after filtering")


def write_big_sip_conf(path):
    """[general], a template, and BIG_PEERS phones; every tenth one has a setting to check."""
    lines = ["[general]", "udpbindaddr=0.0.0.0", "allowguest=no", "",
             "[phone](!)", "type=friend", "host=dynamic", "disallow=all", "allow=ulaw",
             "context=internal", ""]
    for n in range(BIG_PEERS):
        number = 10000 + n
        lines += [f"[{number}](phone)", f"secret=pw{n}", f"callerid=\"Phone {n}\" <{number}>"]
        if n % 10 == 0:
            lines.append("call-limit=1")
        lines.append("")
    path.write_text("\n".join(lines))


def check_big_report(browser, tool, out):
    sip_conf = out / "big-sip.conf"
    write_big_sip_conf(sip_conf)
    page = out / "big-report.html"
    start = time.monotonic()
    report = make_report(tool, sip_conf, page, out / "big-report.json")
    print(f"timing: make_report for {BIG_PEERS} peers: {time.monotonic() - start:.2f} s"
          f" (HTML {page.stat().st_size / 1e6:.1f} MB)")

    seconds = browser.open(page.resolve().as_uri())
    print(f"timing: chromium loaded the {BIG_PEERS}-peer page in {seconds:.2f} s")
    check(browser.js("document.querySelectorAll('#sections > section').length") == BIG_PEERS + 2,
          f"{BIG_PEERS} peers + [general] + the template")
    check(count_text(browser, "peers") == BIG_PEERS == report["summary"]["peers"],
          f"summary shows {BIG_PEERS} peers")
    expected = BIG_PEERS // 10
    check(browser.js("document.querySelectorAll('#sections tr.a').length") == expected,
          f"{expected} approximated call-limit rows")

    start = time.monotonic()
    browser.js("window.scrollTo(0, document.body.scrollHeight); document.body.offsetHeight")
    print(f"timing: scrolling to the end took {time.monotonic() - start:.2f} s")
    start = time.monotonic()
    browser.click("#attention-only")
    shown = browser.js(f"{DISPLAYED}.length")
    print(f"timing: filtering took {time.monotonic() - start:.2f} s")
    check(shown == report["summary"]["attention_sections"],
          f"the filter displays the {shown} sections that need attention")
    browser.screenshot(out / "big-report-attention.png")
    check(browser.page_errors() == [], "no script errors on the big page")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make-report", required=True, help="the make_report test tool")
    parser.add_argument("--fixture", required=True, help="the sip.conf to report on")
    parser.add_argument("--out", required=True, help="folder for the pages and screenshots")
    args = parser.parse_args()

    chromium = shutil.which("chromium")
    if not chromium:
        print("SKIPPED: chromium is not installed (apt-get install chromium); "
              "the HTML report was not checked in a browser")
        return SKIP

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    page = out / "report.html"
    report = make_report(args.make_report, args.fixture, page, out / "report.json")
    with tempfile.TemporaryDirectory(prefix="sip2pjsip-chromium-") as profile:
        browser = Browser(chromium, profile)
        try:
            check_small_report(browser, page, report, out)
            check_big_report(browser, args.make_report, out)
        except Failure as failure:
            print(f"FAILED: {failure}")
            return 1
        finally:
            browser.close()
    print("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
