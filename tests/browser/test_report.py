#!/usr/bin/env python3
"""Browser tests of `chainmap report`: the HTML files run in headless Chromium (Debian's),
driven by Playwright for Python.

For the report of every bundled sample (and an English one, and a large park's aggregated
one; Beilun's with --since its 2023 snapshot, whose "what changed" part is checked; a
generated park's with --series its four snapshots, whose trends part is checked): it
loads with no console error and no network request (every request other than the
file itself and data: URLs is recorded and aborted); search finds a firm and centres it;
clicking a firm opens its card; the findings table sorts and filters; a screenshot is not
blank; printing to PDF gives exactly the number of pages computed from the parts' heights
(EXPECTED_PAGES_JS), the map's on A3; in the stage view, choosing a stage draws its firms and
clicking one opens its card.

    python3 tests/browser/test_report.py --chainmap .build/debug/chainmap [--keep DIR]

Screenshots and PDFs go to a temporary folder (never into the repository).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHAINMAP_CHROMIUM", "/usr/bin/chromium")
PARTS = ["overview", "map", "gaps", "matches", "organization", "needs"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def make_reports(chainmap, folder):
    """(name, path, language, aggregated) of every report to test."""
    samples = json.loads(run([chainmap, "samples", "--format", "json"]))["samples"]
    check(len(samples) >= 5, f"expected the five bundled samples, got {len(samples)}")
    reports = []
    for s in samples:
        path = os.path.join(folder, s["name"] + ".html")
        run([chainmap, "report", s["name"], "-o", path, "--force"])
        reports.append((s["name"], path, "zh", False))
    path = os.path.join(folder, "yihuang-en.html")
    run([chainmap, "report", "yihuang-plastics", "--lang", "en", "-o", path, "--force"])
    reports.append(("yihuang-plastics (en)", path, "en", False))
    park = os.path.join(folder, "generated-600")
    run([chainmap, "generate", "--firms", "600", "--seed", "3", "-o", park, "--force"])
    path = os.path.join(folder, "generated-large.html")
    run([chainmap, "report", park, "--limit", "200", "-o", path, "--force"])
    reports.append(("generated 600 firms, --limit 200", path, "zh", True))
    return reports


def make_series_report(chainmap, folder):
    """A generated park's report with the trends over its four dated snapshots (`--series`)."""
    series = os.path.join(folder, "series")
    run([chainmap, "generate", "--firms", "300", "--seed", "3", "--snapshots", "4", "-o", series + "/", "--force"])
    members = sorted(n for n in os.listdir(series) if not n.startswith(".") and n != "changes.json")
    path = os.path.join(folder, "series.html")
    run([chainmap, "report", os.path.join(series, members[-1]), "--series", series, "-o", path, "--force"])
    return ("generated 300 firms --series (4 snapshots)", path, len(members))


def test_trends(p, snapshots):
    """The trends part: in the navigation after the overview, one table row per snapshot
    (oldest first, the report's park last), one line chart per figure."""
    page = p.page
    data = p.data()
    check(page.locator("#r-part-trends").count() == 1, "no trends part")
    check(page.locator('#r-nav a[href="#r-part-trends"]').count() == 1, "no link to the trends part")
    order = page.evaluate("[...document.querySelectorAll('.part')].map(e => e.id).slice(0, 3)")
    check(order == ["r-part-overview", "r-part-trends", "r-part-map"], f"parts in order {order}")
    dates = page.evaluate("[...document.querySelectorAll('#r-table-trends tbody tr')].map(r => r.cells[0].textContent)")
    check(len(dates) == snapshots, f"{len(dates)} rows in the trends table, {snapshots} snapshots")
    check(dates == sorted(dates) and len(set(dates)) == len(dates), f"snapshot dates not in order: {dates}")
    keys = page.evaluate("[...document.querySelectorAll('#r-trend-charts svg.trend')].map(s => s.dataset.key)")
    check(len(keys) == len(set(keys)) and len(keys) >= 10, f"charts: {keys}")
    for key in keys:
        points = page.locator(f'#r-trend-charts svg.trend[data-key="{key}"] circle').count()
        check(points <= snapshots, f"chart {key} has {points} points for {snapshots} snapshots")
    points = page.locator('#r-trend-charts svg.trend[data-key="firmsInPark"] circle').count()
    check(points == snapshots, f"the firms chart has {points} points")
    # The newest row is the report's own park: its in-park firms as in the overview.
    last = page.evaluate("document.querySelector('#r-table-trends tbody tr:last-child').cells[1].dataset.v")
    firms = sum(1 for f in data["firms"] if f[2])
    check(int(float(last)) == firms, f"the newest snapshot has {last} firms in the park, the report {firms}")


def make_since_report(chainmap, folder):
    """The Beilun report with what changed since the 2023 snapshot (`--since`)."""
    path = os.path.join(folder, "beilun-since-2023.html")
    run([chainmap, "report", "beilun-nev", "--since", "beilun-nev-2023", "-o", path, "--force"])
    return ("beilun-nev --since beilun-nev-2023", path)


def test_changes(p):
    """The "what changed" part: after the overview, in the navigation, coverage 58% → 70%, and
    its tables sort."""
    page = p.page
    check(page.locator("#r-part-changes").count() == 1, "no changes part")
    check(page.locator('#r-nav a[href="#r-part-changes"]').count() == 1, "no link to the changes part")
    order = page.evaluate("[...document.querySelectorAll('.part')].map(e => e.id).slice(0, 3)")
    check(order == ["r-part-overview", "r-part-changes", "r-part-map"], f"parts in order {order}")
    coverage = page.inner_text('#r-changes-figures [data-key="coverage"] dd')
    check(coverage == "58% → 70%", f"coverage {coverage}")
    page.click('#r-nav a[href="#r-part-changes"]')
    table = page.locator("#r-part-changes table[data-sortable]").first
    check(table.count() == 1, "no table in the changes part")
    header = table.locator("th").nth(1)
    header.click()
    header.click()
    check(page.locator("#r-part-changes table[data-sortable] tbody tr").count() > 0, "the changes tables are empty")


def png_is_blank(data):
    """Whether a PNG is one flat colour: its inflated scanlines hold almost no distinct bytes."""
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return len(set(raw)) < 16


def pdf_pages(data):
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    if counts:
        return max(counts)
    return len(re.findall(rb"/Type\s*/Page\b", data))


class Page:
    """One report open in the browser, with what it asked of the network and the console."""

    def __init__(self, browser, path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.requests, self.errors = [], []
        url = "file://" + os.path.abspath(path)

        def route(r):
            u = r.request.url
            if u == url or u.startswith("data:") or u.startswith("about:"):
                r.continue_()
            else:
                self.requests.append(u)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url == url or r.url.startswith("data:") else self.requests.append(r.url))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function("window.chainmapReport !== undefined")

    def data(self):
        return self.page.evaluate("window.chainmapReport.data")

    def close(self):
        self.context.close()


def centred(page, element_id):
    """Distance of the element's centre from the map viewport's centre, as a share of its size."""
    return page.evaluate(
        """id => { const e = document.getElementById(id), v = document.getElementById('r-viewport');
        const a = e.getBoundingClientRect(), b = v.getBoundingClientRect();
        return Math.max(Math.abs((a.left + a.width / 2) - (b.left + b.width / 2)) / b.width,
                        Math.abs((a.top + a.height / 2) - (b.top + b.height / 2)) / b.height); }""",
        element_id)


def test_loads(p, name, language):
    check(not p.errors, f"console errors: {p.errors[:5]}")
    check(not p.requests, f"network requests: {p.requests[:5]}")
    lang = p.page.evaluate("document.documentElement.lang")
    check(lang == ("zh-CN" if language == "zh" else "en"), f"lang is {lang}")
    for part in PARTS:
        check(p.page.locator(f"#r-part-{part}").count() == 1, f"part {part} missing")
    if language == "en":
        check("Chain map" in p.page.inner_text("#r-nav"), "English navigation expected")
    else:
        check("产业链图谱" in p.page.inner_text("#r-nav"), "Chinese navigation expected")


def firms_on_map(data):
    return [i for i, f in enumerate(data["firms"]) if f[7]]


def test_search(p, aggregated):
    data = p.data()
    page = p.page
    if aggregated:
        # A firm of the stage view: found, its stage centred and drilled into, its card open.
        i = max(range(len(data["firms"])), key=lambda k: data["firms"][k][4] or 0)
        firm = data["firms"][i]
        page.fill("#r-search", firm[0])
        page.press("#r-search", "Enter")
        page.wait_for_selector("#r-card:not([hidden])")
        check(page.get_attribute("#r-card", "data-firm") == firm[0], "search opened the wrong card")
        stage = data["stages"][firm[3][0]]
        check(stage[3], "the firm's stage is not on the map")
        check("hl" in (page.get_attribute(f"#{stage[3]}", "class") or ""), "the stage is not highlighted")
        check(centred(page, stage[3]) < 0.1, "the stage is not centred")
        rows = page.locator("#r-drill-table tbody tr").count()
        check(rows > 0, "the drill-down lists no firm")
        check(firm[1] in page.inner_text("#r-drill-table"), "the drill-down does not list the firm")
        check(page.locator("#r-drill-map svg").count() == 1, "the drill-down map of the firm's stage is not drawn")
        return
    candidates = firms_on_map(data)
    check(len(candidates) == len(data["firms"]), f"only {len(candidates)} of {len(data['firms'])} firms on the map")
    # A firm far from the centre of the fitted map, found by (part of) its name.
    i = candidates[len(candidates) // 3]
    firm = data["firms"][i]
    page.click("#r-fit")
    page.fill("#r-search", firm[1])
    page.wait_for_selector(f"#r-search-results li[data-firm='{firm[0]}']")
    page.press("#r-search", "Enter")
    page.wait_for_selector("#r-card:not([hidden])")
    hits = page.evaluate("q => window.chainmapReport.find(q)", firm[1])
    first = data["firms"][hits[0]]
    check("hl" in (page.get_attribute(f"#{first[7]}", "class") or ""), "the found firm is not highlighted")
    check(centred(page, first[7]) < 0.05, f"the found firm is not centred ({centred(page, first[7]):.3f})")
    check(page.get_attribute("#r-card", "data-firm") == first[0], "search opened the wrong card")
    # By id, exactly.
    page.fill("#r-search", firm[0])
    page.press("#r-search", "Enter")
    check(page.get_attribute("#r-card", "data-firm") == firm[0], "search by id opened the wrong card")
    check(centred(page, firm[7]) < 0.05, "the firm found by id is not centred")
    # Nothing found.
    page.fill("#r-search", "没有这家企业-no-such-firm")
    page.press("#r-search", "Enter")
    check(page.inner_text("#r-search-status").strip() != "", "no 'not found' status")


def test_click(p, aggregated):
    data = p.data()
    page = p.page
    if aggregated:
        k = next(k for k, s in enumerate(data["stages"]) if s[3])
        page.click("#r-fit")
        page.locator(f"#{data['stages'][k][3]}").click()
        check(page.input_value("#r-drill-stage") == str(k), "clicking a stage did not drill into it")
        first = page.locator("#r-drill-table tbody tr a").first
        name = first.inner_text()
        first.click()
        page.wait_for_selector("#r-card:not([hidden])")
        check(page.inner_text("#r-card h3") == name, "the drill-down link opened the wrong card")
        test_drill_map(p)
        return
    page.evaluate("document.getElementById('r-card').hidden = true")
    page.click("#r-fit")
    for i in firms_on_map(data)[:: max(1, len(data["firms"]) // 5)][:5]:
        firm = data["firms"][i]
        page.evaluate("document.getElementById('r-card').hidden = true")
        page.click("#r-fit")
        # Zoom onto the firm first, so it is big enough to click, then click its box.
        page.evaluate("i => window.chainmapReport.showFirm(i)", i)
        page.evaluate("document.getElementById('r-card').hidden = true")
        box = page.locator(f"#{firm[7]}").bounding_box()
        check(box is not None, f"firm {firm[0]} has no box")
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_selector("#r-card:not([hidden])")
        check(page.get_attribute("#r-card", "data-firm") == firm[0], f"clicking {firm[0]} opened {page.get_attribute('#r-card', 'data-firm')}")
        check(page.inner_text("#r-card h3") == firm[1], "the card shows another name")
        text = page.inner_text("#r-card")
        labels = data["labels"]
        for key in ["stage", "products", "output", "suppliers", "buyers", "findings", "matches", "organization", "pairings", "needs"]:
            check(labels[key] in text, f"the card lacks {key}")
        card = data["cards"][i]
        for s in card[0][:3]:
            check(data["firms"][s][1] in text, f"the card of {firm[0]} does not list supplier {data['firms'][s][0]}")


def test_drill_map(p):
    """Choosing a stage draws its firms (largest output first, at most the report's cap) with
    the stages they buy from and sell to; clicking a firm opens its card; a neighbouring stage
    drills there; choosing only a chain draws its stages."""
    page = p.page
    data = p.data()
    drill = data["drill"]
    check(len(drill) == len(data["stages"]), f"{len(drill)} drill-downs for {len(data['stages'])} stages")
    k = max(range(len(drill)), key=lambda s: (drill[s][0], -s))
    page.select_option("#r-drill-chain", "")
    page.select_option("#r-drill-stage", str(k))
    svg = page.locator("#r-drill-map svg")
    check(svg.count() == 1, "choosing a stage drew no map")
    check(svg.get_attribute("data-stage") == str(k), "the map is of another stage")
    drawn = page.evaluate("[...document.querySelectorAll('#r-drill-map .cell')].map(c => c.dataset.firm)")
    expected = [data["firms"][i][0] for i in drill[k][1]]
    check(drawn == expected, f"the map draws {drawn[:5]}…, expected {expected[:5]}…")
    check(len(drawn) == min(drill[k][0], data["drillFirms"]), f"{len(drawn)} firms drawn of {drill[k][0]}")
    in_stage = sum(1 for f in data["firms"] if k in f[3])
    check(drill[k][0] == in_stage, f"stage count {drill[k][0]}, firms in the stage {in_stage}")
    if drill[k][0] > len(drawn):
        check(f" {drill[k][0] - len(drawn)} " in page.inner_text("#r-drill-map"), "no 'N more' note")
    check(page.locator("#r-drill-map .nb").count() == min(12, len(drill[k][2])) + min(12, len(drill[k][3])),
          "neighbouring stages missing")
    # Clicking a firm (the third, or the only one) opens its card.
    n = min(2, len(drawn) - 1)
    page.locator("#r-drill-map .cell").nth(n).click()
    page.wait_for_selector("#r-card:not([hidden])")
    check(page.get_attribute("#r-card", "data-firm") == drawn[n], f"clicking {drawn[n]} opened {page.get_attribute('#r-card', 'data-firm')}")
    # A neighbouring stage drills there.
    nb = page.locator("#r-drill-map .nb").first
    target = nb.get_attribute("data-stage") if nb.count() else "-1"
    if target != "-1":
        nb.click()
        check(page.input_value("#r-drill-stage") == target, "clicking a neighbouring stage did not drill there")
        check(page.get_attribute("#r-drill-map svg", "data-stage") == target, "the map did not follow")
    # A chain alone: its stages side by side.
    chain = data["stages"][k][2]
    page.select_option("#r-drill-chain", str(chain))
    columns = page.locator("#r-drill-map .nb").count()
    stages = sum(1 for s in data["stages"] if s[2] == chain)
    check(columns == stages, f"the chain's map shows {columns} stages of {stages}")
    page.select_option("#r-drill-stage", str(k))


def test_table(p):
    page = p.page
    data = p.data()
    rows = page.locator("#r-gap-table tbody tr")
    n = rows.count()
    check(n == len(data["findings"]), f"{n} finding rows, {len(data['findings'])} findings")
    if n < 2:
        return
    th = page.locator("#r-gap-table th[data-key=atRisk]")

    def column(key):
        index = page.evaluate(f"Array.from(document.querySelectorAll('#r-gap-table th')).findIndex(t => t.dataset.key === '{key}')")
        return page.evaluate(f"Array.from(document.querySelectorAll('#r-gap-table tbody tr')).filter(r => !r.hidden).map(r => parseFloat(r.cells[{index}].dataset.v))")

    th.click()
    values = column("atRisk")
    check(values == sorted(values), "ascending sort by output at risk failed")
    check(th.get_attribute("aria-sort") == "ascending", "no ascending mark")
    th.click()
    values = column("atRisk")
    check(values == sorted(values, reverse=True), "descending sort failed")
    rank = page.locator("#r-gap-table th[data-key=rank]")
    rank.click()
    check(column("rank") == sorted(column("rank")), "sort by rank failed")
    # Filter by kind.
    kinds = page.evaluate("Array.from(document.querySelectorAll('#r-gap-table tbody tr')).map(r => r.dataset.kind)")
    kind = kinds[0]
    page.select_option("#r-gap-kind", kind)
    visible = page.evaluate("Array.from(document.querySelectorAll('#r-gap-table tbody tr')).filter(r => !r.hidden).map(r => r.dataset.kind)")
    check(len(visible) == kinds.count(kind) and set(visible) == {kind}, "the kind filter shows other rows")
    page.select_option("#r-gap-kind", "")
    # Filter by text: the place of the last finding.
    place = page.locator("#r-gap-table tbody tr").last.locator("a.maplink").inner_text()
    page.fill("#r-gap-filter", place)
    shown = page.evaluate("Array.from(document.querySelectorAll('#r-gap-table tbody tr')).filter(r => !r.hidden).map(r => r.textContent)")
    check(shown and all(place.lower() in s.lower() for s in shown), "the text filter shows rows without the text")
    check(len(shown) < n or all(place in s for s in shown), "the text filter hid nothing")
    page.fill("#r-gap-filter", "")
    check(page.locator("#r-gap-table tbody tr:not([hidden])").count() == n, "clearing the filter does not show every row")
    # A finding's place link points at the map and highlights it.
    link = page.locator("#r-gap-table a.maplink").first
    target = link.get_attribute("data-target")
    check(page.locator(f"#{target}").count() == 1, f"finding target {target} does not exist")
    link.click()
    if target != "r-viewport":
        check("hl" in (page.get_attribute(f"#{target}", "class") or ""), "the finding's place is not highlighted")


def test_screenshot(p, folder, name):
    path = os.path.join(folder, re.sub(r"[^A-Za-z0-9]+", "-", name) + ".png")
    p.page.click("#r-fit")
    p.page.evaluate("window.scrollTo(0, 0)")
    data = p.page.screenshot(path=path)
    check(not png_is_blank(data), "the screenshot is blank")
    return path


# Pages the printed report should have, computed without printing: in print media, each part
# is laid out at its page's printable width (A4 portrait 210 − 2 × 14 mm; the map's A3
# landscape 420 − 2 × 12 mm) and its boxes are put on pages by the print style sheet's rules —
# every part starts a page (break-before), a table row, a chart or the map is never split
# (break-inside: avoid; SVG is monolithic) and moves whole to the next page, taking its
# table's header along (Chromium repeats thead), text of four lines or more breaks between
# lines (orphans and widows 2), a margin before a break is dropped, one after a forced break
# kept. The sum over the parts is the page count; the map part's pages are the A3 ones.
EXPECTED_PAGES_JS = """
(args) => {
  // Expected pages of the printed report, computed from the print style sheet's rules and the
  // heights of the boxes laid out at the printable width.
  const MM = 96 / 25.4;
  const root = document.documentElement;
  const parts = [...document.querySelectorAll('.part')];
  const out = [];
  for (const part of parts) {
    const wide = part.id === 'r-part-map';
    root.style.width = (wide ? args.a3w : args.a4w) + 'mm';
    const pageH = (wide ? args.a3h : args.a4h) * MM;
    const first = part.firstElementChild;
    const lead = first ? parseFloat(getComputedStyle(first).marginTop) || 0 : 0;
    const origin = part.getBoundingClientRect().top - lead;
    const atoms = [];
    (function walk(e) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none') return;
      const tag = e.tagName.toLowerCase();
      const kids = [...e.children].filter(c => getComputedStyle(c).display !== 'none');
      const blockKids = kids.some(c => !getComputedStyle(c).display.startsWith('inline'));
      const mono = tag === 'svg' || tag === 'img';
      if (tag === 'tr' || mono || !blockKids) {
        const r = e.getBoundingClientRect();
        if (r.height <= 0) return;
        const lh = parseFloat(cs.lineHeight) || 20;
        const avoid = tag === 'tr' || mono || cs.breakInside === 'avoid';
        let thead = 0;
        if (tag === 'tr' && e.parentElement.tagName === 'TBODY') {
          const h = e.closest('table').tHead;
          thead = h ? h.getBoundingClientRect().height : 0;
        }
        atoms.push({ top: r.top - origin, h: r.height, avoid, lines: avoid ? 1 : Math.round(r.height / lh), lh, thead });
      }
      for (const c of kids) if (!(tag === 'tr' || mono || !blockKids)) walk(c);
    })(part);
    // Lay the atoms on pages: an atom that does not fit moves to the next page (its margin
    // before the break dropped), a table row takes its table's header along; text of four
    // lines or more breaks between lines (two at least on each side).
    let shift = 0, pageTop = 0, pages = 1, lastBottom = 0;
    for (const a of atoms) {
      let top = a.top + shift;
      if (top < lastBottom - 0.5 && top + a.h <= lastBottom + 0.5) continue; // inside what's laid
      while (top >= pageTop + pageH) { pageTop += pageH; pages++; }
      let bottom = top + a.h;
      if (bottom > pageTop + pageH + 0.5) {
        const room = pageTop + pageH - top;
        if (!a.avoid && a.lines >= 4 && Math.floor(room / a.lh) >= 2 && a.lines - Math.floor(room / a.lh) >= 2) {
          // split between lines: the rest continues on the next page
          const fitted = Math.floor(room / a.lh) * a.lh;
          const moved = pageTop + pageH - (top + fitted);
          shift += moved; bottom += moved; pageTop += pageH; pages++;
        } else if (top > pageTop + 0.5) {
          const moved = pageTop + pageH - top + a.thead;
          shift += moved; top += moved; bottom += moved; pageTop += pageH; pages++;
        }
        while (bottom > pageTop + pageH + 0.5) { pageTop += pageH; pages++; }
      }
      lastBottom = Math.max(lastBottom, bottom);
    }
    out.push([part.id, pages]);
  }
  root.style.width = '';
  return out;
}
"""

PAGE = {"a4w": 182, "a4h": 297 - 28, "a3w": 396, "a3h": 297 - 24}


# Parts wider than their printable width: Chromium would shrink the whole printout to fit them
# (smaller text, fewer pages than computed), so none may be.
OVERFLOW_JS = """
args => [...document.querySelectorAll('.part')].flatMap(part => {
  document.documentElement.style.width = (part.id === 'r-part-map' ? args.a3w : args.a4w) + 'mm';
  const wide = part.scrollWidth > part.clientWidth + 1 ? [[part.id, part.scrollWidth, part.clientWidth]] : [];
  document.documentElement.style.width = '';
  return wide;
})
"""


def expected_pages(page):
    page.emulate_media(media="print")
    try:
        wide = page.evaluate(OVERFLOW_JS, PAGE)
        check(not wide, f"parts wider than the printable width (the printout would shrink): {wide}")
        return page.evaluate(EXPECTED_PAGES_JS, PAGE)
    finally:
        page.emulate_media(media="screen")


def test_pdf(p, folder, name):
    page = p.page
    parts = expected_pages(page)
    page.emulate_media(media="print")
    a4 = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    with open(os.path.join(folder, re.sub(r"[^A-Za-z0-9]+", "-", name) + ".pdf"), "wb") as f:
        f.write(a4)
    pages = pdf_pages(a4)
    expected = sum(n for _, n in parts)
    check(pages == expected, f"the PDF has {pages} pages, expected {expected}: {parts}")
    # A4 portrait pages, and the map's pages on A3 landscape (a named page), where expected.
    sizes = [(round(float(w)), round(float(h))) for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", a4)]
    a3 = [i for i, size in enumerate(sizes) if size == (1191, 842)]
    check(all(size in [(595, 842), (1191, 842)] for size in sizes), f"pages of other sizes: {set(sizes)}")
    start = sum(n for pid, n in parts[:[pid for pid, _ in parts].index("r-part-map")])
    map_pages = dict(parts)["r-part-map"]
    check(a3 == list(range(start, start + map_pages)), f"A3 pages {a3}, expected the map's {start}…{start + map_pages - 1}")
    return pages


def readme_image(chainmap, target):
    """The README's picture: the Beilun report made by chainmap, a chain leader found by search."""
    folder = tempfile.mkdtemp(prefix="chainmap-readme-")
    try:
        path = os.path.join(folder, "beilun.html")
        run([chainmap, "report", "beilun-nev", "-o", path])
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            p = Page(browser, path)
            data = p.data()
            leader = next(i for i, f in enumerate(data["firms"]) if f[5] and f[7])
            p.page.fill("#r-search", data["firms"][leader][1])
            p.page.press("#r-search", "Enter")
            p.page.wait_for_selector("#r-card:not([hidden])")
            p.page.evaluate("window.scrollTo(0, 0)")
            p.page.screenshot(path=target)
            check(not p.errors and not p.requests, f"errors {p.errors} requests {p.requests}")
            p.close()
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"wrote {target}")
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chainmap", required=True)
    parser.add_argument("--keep", help="write reports, screenshots and PDFs here instead of a temporary folder")
    parser.add_argument("--readme-image", help="only write the README's screenshot (the Beilun report, a leader's card open) to this PNG")
    args = parser.parse_args()
    if args.readme_image:
        return readme_image(os.path.abspath(args.chainmap), args.readme_image)
    folder = args.keep or tempfile.mkdtemp(prefix="chainmap-browser-")
    os.makedirs(folder, exist_ok=True)
    start = time.time()
    failures = []
    try:
        reports = make_reports(os.path.abspath(args.chainmap), folder)
        since = make_since_report(os.path.abspath(args.chainmap), folder)
        series = make_series_report(os.path.abspath(args.chainmap), folder)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for name, path, language, aggregated in reports:
                p = Page(browser, path)
                tests = [
                    ("loads offline without errors", lambda: test_loads(p, name, language)),
                    ("search finds and centres a firm", lambda: test_search(p, aggregated)),
                    ("clicking a firm opens its card", lambda: test_click(p, aggregated)),
                    ("findings table sorts and filters", lambda: test_table(p)),
                    ("screenshot is not blank", lambda: test_screenshot(p, folder, name)),
                    ("prints to PDF", lambda: test_pdf(p, folder, name)),
                    ("no console error or request afterwards", lambda: test_loads(p, name, language)),
                ]
                for title, test in tests:
                    t0 = time.time()
                    try:
                        result = test()
                        extra = f" ({result} pages)" if isinstance(result, int) else ""
                        print(f"ok   {name}: {title}{extra} [{time.time() - t0:.1f} s]")
                    except Exception as e:  # a failed check or a Playwright error
                        failures.append(f"{name}: {title}: {e}")
                        print(f"FAIL {name}: {title}: {e}")
                p.close()
            name, path, snapshots = series
            p = Page(browser, path)
            for title, test in [
                ("loads offline without errors", lambda: test_loads(p, name, "zh")),
                ("trends: a row per snapshot, a chart per figure", lambda: test_trends(p, snapshots)),
                ("prints to PDF", lambda: test_pdf(p, folder, name)),
                ("no console error or request afterwards", lambda: test_loads(p, name, "zh")),
            ]:
                t0 = time.time()
                try:
                    result = test()
                    extra = f" ({result} pages)" if isinstance(result, int) else ""
                    print(f"ok   {name}: {title}{extra} [{time.time() - t0:.1f} s]")
                except Exception as e:
                    failures.append(f"{name}: {title}: {e}")
                    print(f"FAIL {name}: {title}: {e}")
            p.close()
            name, path = since
            p = Page(browser, path)
            for title, test in [
                ("loads offline without errors", lambda: test_loads(p, name, "zh")),
                ("what changed: coverage 58% → 70%, tables sort", lambda: test_changes(p)),
                ("prints to PDF", lambda: test_pdf(p, folder, name)),
                ("no console error or request afterwards", lambda: test_loads(p, name, "zh")),
            ]:
                t0 = time.time()
                try:
                    test()
                    print(f"ok   {name}: {title} [{time.time() - t0:.1f} s]")
                except Exception as e:
                    failures.append(f"{name}: {title}: {e}")
                    print(f"FAIL {name}: {title}: {e}")
            p.close()
            browser.close()
    except Failure as e:
        failures.append(str(e))
        print(f"FAIL {e}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"browser tests: {len(failures)} failed, {time.time() - start:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
