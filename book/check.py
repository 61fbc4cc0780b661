"""Open the built book in headless Chromium and check that its pages render.

Usage (``make book-check`` builds the book first)::

    .venv/bin/python book/check.py [--site build/book] [--out build/book-check]

The site is served with ``python -m http.server`` on a free port of 127.0.0.1, and Chromium
(the Debian package, ``/usr/bin/chromium``) is driven through the Chrome DevTools protocol
(``websocket-client``). For the landing page and every chapter the check waits until the
notebook outputs are shown, then requires:

* the page title and the chapter heading;
* every plot the notebook stored (an ``<img>`` of its matplotlib PNG, loaded);
* every highlighted quote or entity the notebook stored (``<mark>``) on pages whose stored
  outputs contain ``<mark>``;
* no request to any other host (the site must work offline), no failed request, no
  JavaScript error; and no page of the built site refers to a script, style, image or frame
  on another host.

A second, tiny site made for the check shows an article that contains ``<script>`` and
``<b>`` markup through ``artikel.display`` (built with the book's own configuration): the
markup must appear as text, and the script must not run. Screenshots go to ``--out`` (one
per page, and the plot and the highlighted part of every page that has them). The exit
status is 1 with a message for each failed check.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import websocket
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,900",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
WAIT_SECONDS = 30  # per page: loading the page and its images

# The fixture of the escaping check: an article whose text contains markup.
SCRIPT_TEXT = "<script>window.__artikelInjected = true</script>"
ESCAPE_ARTICLE = (
    " date 2019-02 Die Innenministerin Anna Berger sagte am Montag: „Wir lassen uns nicht "
    f"einschüchtern {SCRIPT_TEXT}, auch nicht von <b>fetten</b> Drohungen.“\n\n"
    "Die Polizei prüft die Schreiben. „Wir nehmen das ernst“, sagte ein Sprecher.\n"
)


class CheckFailed(Exception):
    """A check that did not pass: the message says what is wrong."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` with ``python -m http.server`` on 127.0.0.1; yield its address."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(address + "/", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    raise CheckFailed(f"http.server exited ({server.returncode})") from None
                time.sleep(0.1)
        else:
            raise CheckFailed(f"python -m http.server did not answer on {address}")
        yield address
    finally:
        server.terminate()
        server.wait(timeout=10)


class Browser:
    """Headless Chromium with a fresh profile, driven over the DevTools protocol."""

    def __init__(self, executable: str):
        self.profile = Path(tempfile.mkdtemp(prefix="book-check-chromium-"))
        self.process = subprocess.Popen(
            [
                executable,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise CheckFailed("Chromium did not start (no DevTools port)")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=1280,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise CheckFailed(f"DevTools {method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise CheckFailed(f"script failed in the page: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", url=url)

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def problems(self) -> list[str]:
        """Requests to other hosts, failed requests and JavaScript errors since ``open``."""
        found = []
        urls: dict[str, str] = {}
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                urls[params["requestId"]] = url
                parsed = urlparse(url)
                if parsed.scheme in ("http", "https", "ws", "wss") and (
                    parsed.hostname not in LOCAL_HOSTS
                ):
                    found.append(f"requested another host (not offline): {url}")
            elif method == "Network.responseReceived":
                status = params["response"]["status"]
                if status >= 400:
                    found.append(f"HTTP {status} for {params['response']['url']}")
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                url = urls.get(params.get("requestId"), "")
                found.append(f"request failed ({params.get('errorText')}): {url}")
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                text = details.get("exception", {}).get("description") or details.get("text")
                found.append(f"JavaScript error: {str(text).splitlines()[0]}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                entry = params["entry"]
                if entry.get("source") == "network":
                    continue  # the failed request itself is reported above
                found.append(f"browser error: {entry['text']} {entry.get('url', '')}".strip())
        return list(dict.fromkeys(found))

    def close(self) -> None:
        if getattr(self, "socket", None):
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# What the page shows once drawn; returned as one JSON-able object.
PAGE_STATE = """(() => {
  const article = document.querySelector('article') || document.body;
  const text = article.innerText || '';
  const images = [...article.querySelectorAll('img')].map(img => ({
    src: img.getAttribute('src') || '', loaded: img.complete && img.naturalWidth > 0,
    width: img.naturalWidth}));
  const marks = [...article.querySelectorAll('mark')];
  return {
    url: location.pathname,
    title: document.title,
    h1: [...document.querySelectorAll('article h1')].map(h => {
      const copy = h.cloneNode(true);
      copy.querySelectorAll('.headerlink').forEach(a => a.remove());
      return copy.innerText.trim();
    }),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    images,
    marks: marks.length,
    markSample: marks.slice(0, 3).map(m => m.innerText.slice(0, 60)),
    text,
    injected: window.__artikelInjected === true,
    boldFett: [...article.querySelectorAll('b')].some(b => b.innerText.trim() === 'fetten'),
    scriptsInOutputs: [...article.querySelectorAll('script')]
        .filter(s => s.textContent.includes('__artikelInjected')).length,
  };
})()"""


def expectations(notebook: Path) -> dict:
    """What the stored outputs of a notebook should show on its page."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    pngs = marks = 0
    for cell in cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            pngs += "image/png" in data
            html = data.get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            marks += "<mark" in html
    return {"pngs": pngs, "mark_outputs": marks}


def wait_for_page(browser: Browser, expect: dict) -> dict:
    """Poll the page until its outputs are drawn (or the time is up); return its state."""
    deadline = time.monotonic() + WAIT_SECONDS
    state: dict = {}
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            state = browser.evaluate(PAGE_STATE) or {}
        except CheckFailed:
            continue  # between documents while the page loads
        drawn = (
            state.get("h1")
            and len([i for i in state["images"] if i["loaded"]]) >= expect.get("pngs", 0)
            and (state["marks"] > 0 or not expect.get("mark_outputs"))
        )
        if drawn:
            time.sleep(1.0)  # let late requests and errors arrive
            return browser.evaluate(PAGE_STATE)
    return state


def check_chapter(browser: Browser, base: str, page: dict, notebook: Path, out: Path) -> str:
    expect = expectations(notebook)
    browser.open(f"{base}/{page['path']}")
    state = wait_for_page(browser, expect)
    shot = out / f"{notebook.stem}.png"
    browser.screenshot(shot)
    errors = []
    if not state:
        raise CheckFailed(f"{notebook.name}: the page did not load")
    if page["title"] not in state["title"]:
        errors.append(f"page title {state['title']!r} lacks {page['title']!r}")
    if page["title"] not in state["h1"]:
        errors.append(f"no heading {page['title']!r} (headings: {state['h1']})")
    plots = [i for i in state["images"] if i["src"].endswith(".png") and i["loaded"]]
    if len(plots) < expect["pngs"]:
        errors.append(
            f"{len(plots)} of the notebook's {expect['pngs']} plot images (PNG) are shown: "
            f"{state['images']}"
        )
    if expect["mark_outputs"] and not state["marks"]:
        errors.append("the highlighted quotes/entities (<mark>) are missing")
    errors += browser.problems()
    if errors:
        raise CheckFailed(f"{notebook.name} ({base}/{page['path']}): " + "; ".join(errors))
    extra = ""
    if plots:
        browser.evaluate(
            "[...document.querySelectorAll('article img')].find(i => i.src.endsWith('.png'))"
            ".scrollIntoView({block: 'center'})"
        )
        time.sleep(0.5)
        browser.screenshot(out / f"{notebook.stem}-plot.png")
    if state["marks"]:
        browser.evaluate("document.querySelector('article mark').scrollIntoView({block: 'center'})")
        time.sleep(0.5)
        browser.screenshot(out / f"{notebook.stem}-highlights.png")
        extra = f", {state['marks']} highlights (<mark>), e.g. {state['markSample'][0]!r}"
    return f"{notebook.name}: heading {page['title']!r}, {len(plots)} plots{extra}"


def check_landing(browser: Browser, base: str, pages: dict, out: Path) -> str:
    browser.open(base + "/")  # index.html forwards to the landing page, book/index.html
    state = wait_for_page(browser, {})
    browser.screenshot(out / "landing.png")
    errors = []
    config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
    site_title = config["sphinx"]["config"]["html_title"]
    heading = front_matter_title(ROOT / "book" / "index.md")
    if not state or not site_title or site_title not in state.get("title", ""):
        errors.append(f"page title {state.get('title')!r} lacks the site title {site_title!r}")
    if heading not in state.get("h1", []):
        errors.append(f"no heading {heading!r} (headings: {state.get('h1')})")
    links = state.get("links", [])
    for name, page in pages.items():
        if not any(link.split("#")[0].endswith("/" + page["path"]) for link in links):
            errors.append(f"no link to the chapter {name} (/{page['path']})")
    for needed in ("CORPUS", "make run", "artikel analyze"):
        if needed not in state.get("text", ""):
            errors.append(f"the landing page does not mention {needed!r}")
    errors += browser.problems()
    if errors:
        raise CheckFailed("landing page: " + "; ".join(errors))
    return (
        f"landing page: title {state['title']!r}, heading {heading!r}, "
        f"links to all {len(pages)} chapters"
    )


EXTERNAL_ASSET = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=[\"']((?:https?:)?//[^\"']+)", re.I
)


def external_assets(site: Path) -> list[str]:
    """Scripts, styles, images and frames that a page of the site loads from another host."""
    found = []
    for page in sorted(site.rglob("*.html")):
        for url in EXTERNAL_ASSET.findall(page.read_text(encoding="utf-8", errors="replace")):
            if urlparse(url).hostname not in LOCAL_HOSTS:
                found.append(f"{page.relative_to(site)}: {url}")
    return found


def front_matter_title(markdown: Path) -> str:
    """The ``title:`` of a Markdown file's YAML front matter."""
    text = markdown.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["title"]


def notebook_title(notebook: Path) -> str:
    """The first heading of a notebook's Markdown cells: the heading of its page."""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"])
            for line in source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise CheckFailed(f"{notebook.name}: no '# ' heading in its Markdown cells")


def build_escape_site(site_out: Path) -> Path:
    """A one-page book (the book's own configuration) showing an article with markup."""
    import nbformat

    import artikel
    from artikel import display

    project = site_out / "escaping"
    shutil.rmtree(project, ignore_errors=True)
    (project / "articles").mkdir(parents=True)
    (project / "book").mkdir()
    (project / "articles" / "markup.txt").write_text(ESCAPE_ARTICLE, encoding="utf-8")
    analysis = artikel.analyze(str(project / "articles"))
    if analysis.quotes.empty:
        raise CheckFailed("escaping fixture: artikel found no quote in the test article")
    views = [
        ("quotes_html(analysis)", display.quotes_html(analysis)),
        ("paragraphs_html(analysis.paragraphs)", display.paragraphs_html(analysis.paragraphs)),
    ]
    if hasattr(display, "entities_html"):
        views.append(("entities_html(analysis)", display.entities_html(analysis)))
    cells = [
        nbformat.v4.new_markdown_cell(
            "# Escaping check\n\nAn article whose text contains `<script>` and `<b>` markup, shown "
            "with `artikel.display`: the markup must appear as text."
        )
    ]
    for count, (source, view) in enumerate(views, start=1):
        cell = nbformat.v4.new_code_cell(source, execution_count=count)
        cell.outputs = [
            nbformat.v4.new_output(
                "execute_result",
                data={"text/html": view._repr_html_(), "text/plain": repr(view)},
                execution_count=count,
            )
        ]
        cells.append(cell)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, project / "escaping.ipynb")
    shutil.copy(ROOT / "book" / "_config.yml", project / "_config.yml")
    shutil.copy(ROOT / "book" / "favicon.png", project / "book" / "favicon.png")
    (project / "_toc.yml").write_text("format: jb-book\nroot: escaping\n", encoding="utf-8")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    build = subprocess.run(
        [str(jupyter_book), "build", str(project)], capture_output=True, text=True
    )
    if build.returncode != 0 or not (project / "_build" / "html" / "escaping.html").exists():
        raise CheckFailed(
            f"escaping fixture: jupyter-book build failed\n{build.stdout}{build.stderr}"
        )
    shutil.copy(ROOT / "book" / "favicon.png", project / "_build" / "html" / "favicon.ico")
    return project / "_build" / "html"


def check_escaping(browser: Browser, base: str, out: Path) -> str:
    browser.open(base + "/")
    state = wait_for_page(browser, {"mark_outputs": 1})
    browser.screenshot(out / "escaping.png")
    errors = []
    if not state.get("marks"):
        errors.append("the quote is not highlighted (<mark>)")
    if SCRIPT_TEXT not in state.get("text", ""):
        errors.append(f"the article's {SCRIPT_TEXT!r} is not shown as text")
    if state.get("injected") or state.get("scriptsInOutputs"):
        errors.append("the <script> in the article text became a script element or ran")
    if state.get("boldFett"):
        errors.append("the <b> in the article text became a bold element")
    errors += browser.problems()
    if errors:
        raise CheckFailed("escaping: " + "; ".join(errors))
    return "escaping: <script> and <b> in an article show as text, the script does not run"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "book")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "book-check")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").exists() or not (args.site / "book" / "index.html").exists():
        print(f"book-check: no built book in {args.site} (run `make book`)", file=sys.stderr)
        return 1
    if not Path(args.chromium).exists():
        print(
            f"book-check: no Chromium at {args.chromium} (apt-get install chromium)",
            file=sys.stderr,
        )
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()

    pages = {}  # notebook file name -> its page in the site and its heading
    for notebook in sorted(args.notebooks.glob("*.ipynb")):
        path = f"notebooks/{notebook.stem}.html"
        if (args.site / path).exists():
            pages[notebook.name] = {"path": path, "title": notebook_title(notebook)}
    missing = sorted(nb.name for nb in args.notebooks.glob("*.ipynb") if nb.name not in pages)

    passed, failed = [], []
    if missing:
        failed.append(f"notebooks missing from the book: {', '.join(missing)}")
    external = external_assets(args.site)
    if external:
        failed.append("pages load scripts/styles from other hosts: " + "; ".join(external))
    else:
        passed.append("no page loads a script or style from another host")
        print(f"  ok    {passed[-1]}")
    browser = Browser(args.chromium)
    try:
        with serve(args.site) as base:
            print(f"book-check: {args.site} served at {base}, {len(pages)} chapters")
            checks = [lambda: check_landing(browser, base, pages, args.out)]
            checks += [
                (
                    lambda name=name, page=page: check_chapter(
                        browser, base, page, args.notebooks / name, args.out
                    )
                )
                for name, page in sorted(pages.items())
            ]
            for check in checks:
                try:
                    passed.append(check())
                    print(f"  ok    {passed[-1]}")
                except CheckFailed as error:
                    failed.append(str(error))
                    print(f"  FAIL  {error}")
        try:
            escape_site = build_escape_site(args.out)
            with serve(escape_site) as base:
                passed.append(check_escaping(browser, base, args.out))
                print(f"  ok    {passed[-1]}")
        except CheckFailed as error:
            failed.append(str(error))
            print(f"  FAIL  {error}")
    finally:
        browser.close()

    print(f"book-check: {len(passed)} passed, {len(failed)} failed; screenshots in {args.out}/")
    if failed:
        print("book-check FAILED:\n  " + "\n  ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
