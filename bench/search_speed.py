"""Part 3: search on a large corpus opened from file:// in Chromium.

The page opens from disk, the reader clicks the search field and waits until Material says it is
ready ("Type to start searching"), as tests/support/browsers.py's `search_site` does. Then, for each query,
the whole query goes into the field with one key release (Material reads the field on keyup), and
the time runs until the first `.md-search-result__item` is in the list and the next frame is
ready to paint. The field is cleared between queries.
"""

import gzip
import re
import statistics

from support.browsers import BROWSER_ARGS, find_chromium
from playwright.sync_api import sync_playwright

from bench import BenchError

# Half of them are in nearly every page of the corpus (the slow case: Material's worker scores
# and sends every match), half name an app that one page in five mentions.
QUERIES = ["Company Portal", "iCloud backup", "phone sign-in", "management profile", "recovery",
           "Viva Engage", "Bookings", "PowerPoint", "Planner", "Defender"]
READY_TIMEOUT_MS = 300_000  # a 1000-page index takes a while to load on a busy machine
QUERY_TIMEOUT_MS = 60_000
READY = "Type to start searching"

# On file:// Material's search "worker" is iframe-worker's stand-in, running on the page's own
# thread: record the long tasks (> 50 ms) it causes, during which the page cannot respond.
RECORD_LONG_TASKS = """window.benchLongTasks = [];
new PerformanceObserver((list) => list.getEntries().forEach(
  (task) => window.benchLongTasks.push(task.duration))).observe({type: "longtask", buffered: true});
"""

TIME_QUERY = """async ([query, timeout]) => {
  const field = document.querySelector("input[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const firstResult = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (list.querySelector(".md-search-result__item")) { observer.disconnect(); resolve(); }
    });
    observer.observe(list, { childList: true, subtree: true });
    setTimeout(() => reject(new Error(`no result for ${query} in ${timeout} ms`)), timeout);
  });
  const start = performance.now();
  field.value = query;
  field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  await firstResult;
  await frame();
  const elapsed = performance.now() - start;
  return { ms: elapsed, meta: document.querySelector(".md-search-result__meta").textContent };
}"""

CLEAR_QUERY = """() => {
  const field = document.querySelector("input[data-md-component=search-query]");
  field.value = "";
  field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
}"""


def index_size(site):
    data = (site / "search" / "search_index.js").read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data))}


def matching_documents(meta):
    """The count in Material's "984 matching documents" or "1k matching documents"."""
    found = re.search(r"(\d+)(k?)", meta.replace(",", ""))
    if not found:
        return 0
    return int(found.group(1)) * (1000 if found.group(2) else 1)


def time_queries(page, queries):
    meta = page.locator(".md-search-result__meta")
    results = []
    for query in queries:
        try:
            timing = page.evaluate(TIME_QUERY, [query, QUERY_TIMEOUT_MS])
        except Exception as error:  # the page's own timeout message says which query
            raise BenchError(str(error)) from error
        results.append({"query": query, "ms": timing["ms"],
                        "matching_documents": matching_documents(timing["meta"])})
        page.evaluate(CLEAR_QUERY)
        meta.get_by_text(READY).wait_for(timeout=QUERY_TIMEOUT_MS)
    return results


def measure_site(browser, site, path, queries):
    page = browser.new_page()
    page.add_init_script(RECORD_LONG_TASKS)
    page.route(lambda url: not url.startswith(("file:", "data:", "blob:")),
               lambda route: route.abort())
    page.goto((site / path).as_uri())
    page.locator("input[data-md-component=search-query]").click()
    page.locator(".md-search-result__meta").get_by_text(READY).wait_for(timeout=READY_TIMEOUT_MS)
    ready_ms = page.evaluate("performance.now()")
    long_tasks = page.evaluate("window.benchLongTasks")
    queries = time_queries(page, queries)
    page.close()
    return {
        "index": index_size(site),
        "ready_after_ms": ready_ms,
        "longest_task_until_ready_ms": max(long_tasks, default=0),
        "queries": queries,
        "median_ms": statistics.median(q["ms"] for q in queries),
        "slowest_ms": max(q["ms"] for q in queries),
    }


def measure(sites, path, queries=QUERIES):
    """Search timings for each named site folder, opening `path` from disk."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        results = {name: measure_site(browser, site, path, queries) for name, site in sites.items()}
        browser.close()
    return results
