"""The QR codes of "Continue on another device": for each guide page, one code per situation the
reader can be in and per Step they can be at, made at build time (zxing-cpp, as the IT page's codes),
so that no QR library goes to the browser. handover.js shows the one that fits the reader.

A code encodes the guide's address on the organization's site (`site_url`) with the reader's
answers (`?mfa=…&transfer=…`, or `?show=all`) and, when the reader has ticked actions, the Step
they are at (`#step-2-…`, where "Continue" would take them). A situation's codes are one file
beside the page, one code under the other, each shown alone through its SVG view (the Step's id,
or `start`), as an <img> asks for it with the file's fragment:

    qr/<page name>/<situation token | all>.svg#<step id | start>

One file per situation, not per code: a site's codes are thousands of small files otherwise
(a guide of 8 Steps has 9 codes per situation, in each language), and writing them was most of
a large site's build.

Every combination of the guide's answers a reader can be in gets one: a combination that one of
the registry's `impossible` rules matches never stays chosen (situations.js changes it as the
rule says), so it gets none; the rules are read as situations.js reads them (`ruleAgainst`).
"""

import html
import itertools
import re
from pathlib import PurePosixPath
from urllib.parse import urlencode

from macros.situations.progress_steps import STEP_HEADING_CLASS
from macros.situations.registry import NOT_ASKED

FOLDER = "qr"
EVERY_SITUATION = "all"
AT_THE_START = "start"


def folder_of(page_path):
    """The page's codes folder, relative to the page's own folder ('qr/migrate-iphone/')."""
    return f"{FOLDER}/{PurePosixPath(page_path).stem}/"


# The start tags of <h2> headings and their quoted attributes, as Python-Markdown writes them: a
# guide's article is long, and Python's HTMLParser took most of a warm build of 1000 guides.
H2_START_TAG = re.compile(r"<h2\s([^>]*)>")
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


def step_ids(article_html):
    """The ids of an article's Step headings (`<h2 class="step" id="…">`), in order."""
    ids = []
    for tag in H2_START_TAG.finditer(article_html):
        attributes = dict(ATTRIBUTE.findall(tag.group(1)))
        if STEP_HEADING_CLASS in attributes.get("class", "").split() and attributes.get("id"):
            ids.append(html.unescape(attributes["id"]))
    return ids


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
    """(file name in the page's codes folder, {view name: URL it encodes}) for every situation of
    a page at the absolute `page_url`."""
    for name, query in situations(registry):
        views = {AT_THE_START: f"{page_url}?{query}"}
        views.update((step, f"{page_url}?{query}#{step}") for step in steps)
        yield f"{name}.svg", views


def write_codes(page_file, page_url, registry, article_html, qr):
    """Write the codes of the built page `page_file` (a Path), whose article is `article_html`,
    beside it, made by `qr` (a page_html.QrCodes); return how many codes."""
    folder = page_file.parent / folder_of(page_file.name)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, views in codes(page_url, registry, step_ids(article_html)):
        (folder / name).write_bytes(qr.views_svg(views))
        written += len(views)
    return written

