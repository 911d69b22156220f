"""The QR codes of "Continue on another device": for each guide page, one code per situation the
reader can be in and per Step they can be at, made at build time (zxing-cpp, as the IT page's codes),
so that no QR library goes to the browser. handover.js shows the one that fits the reader.

A code encodes the guide's address on the organization's site (`site_url`) with the reader's
answers (`?mfa=…&transfer=…`, or `?show=all`) and, when the reader has ticked actions, the Step
they are at (`#step-2-…`, where "Continue" would take them). The files sit beside the page:

    qr/<page name>/<situation token | all>/<step id | start>.svg

Every combination of the guide's answers a reader can be in gets one: a combination that one of
the registry's `impossible` rules matches never stays chosen (situations.js changes it as the
rule says), so it gets none; the rules are read as situations.js reads them (`ruleAgainst`).
"""

import itertools
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlencode

from macros.situations.registry import NOT_ASKED

FOLDER = "qr"
EVERY_SITUATION = "all"
AT_THE_START = "start"


def folder_of(page_path):
    """The page's codes folder, relative to the page's own folder ('qr/migrate-iphone/')."""
    return f"{FOLDER}/{PurePosixPath(page_path).stem}/"


class StepHeadings(HTMLParser):
    """The ids of a page's Step headings (`<h2 class="step" id="…">`), in order."""

    def __init__(self):
        super().__init__()
        self.ids = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "h2" and "step" in classes and attributes.get("id"):
            self.ids.append(attributes["id"])


def step_ids(page_html):
    parser = StepHeadings()
    parser.feed(page_html)
    return parser.ids


def asked(dimensions, values):
    """{key: value} of the questions a reader with `values` (one per dimension, in order) is
    asked: a question asked only if earlier answers make it relevant (`asked_if`) is left out
    where they don't, as situations.js leaves it out of the address."""
    answers = {}
    for dimension, value in zip(dimensions, values):
        condition = dimension.get("asked_if") or {}
        if all(answers.get(key) in allowed for key, allowed in condition.items()):
            answers[dimension["key"]] = value
    return answers


def situations(registry):
    """(folder name, query) for each situation of a guide's registry (as the browser gets it):
    the folder is the situation's token, as situations.js puts it on <html data-situation>
    ("app.icloud.iphone", "-" for a question not asked); the query is what it puts in the
    address."""
    dimensions = registry["dimensions"]
    seen = set()
    for values in itertools.product(*[list(d["values"]) for d in dimensions]):
        answers = asked(dimensions, values)
        if any(all(answers.get(key) == value for key, value in rule["when"].items())
               for rule in registry.get("impossible", ())):
            continue
        token = ".".join(answers.get(d["key"], NOT_ASKED) for d in dimensions)
        if token not in seen:
            seen.add(token)
            yield token, urlencode(list(answers.items()))
    yield EVERY_SITUATION, "show=all"


def codes(page_url, registry, steps):
    """(file path relative to the page's codes folder, URL it encodes) for every code of a page
    at the absolute `page_url`."""
    for name, query in situations(registry):
        yield f"{name}/{AT_THE_START}.svg", f"{page_url}?{query}"
        for step in steps:
            yield f"{name}/{step}.svg", f"{page_url}?{query}#{step}"


def write_codes(page_file, page_url, registry, page_html, qr):
    """Write the codes of the built page `page_file` (a Path) beside it, made by `qr` (a
    page_html.QrCodes); return how many."""
    folder = page_file.parent / folder_of(page_file.name)
    written = 0
    for path, url in codes(page_url, registry, step_ids(page_html)):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(qr.file_svg(url))
        written += 1
    return written

