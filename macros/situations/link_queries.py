"""Situation values in links: `[Enroll](enroll.md?owner=employee&protect=devise#step-2)`.

A link may open a guide in a situation. The browser quietly falls back to a default for a value
it doesn't know, so a misspelled value, a question the guide doesn't ask, one it asks only after
another answer, or a combination that can't happen would send readers to the wrong steps
without a word. Checked twice:

- at build time, for every link on every page (macros/writer_checks/page_checks.py), against
  the guide's own questions, naming the file and line and suggesting the nearest value;
- by `make linkcheck`, in the built site (tests/linkcheck_situations.py, a LinkChecker plugin),
  against the registry the guide's page gives the browser.

`problems` reads a guide as the browser gets it (Registry.as_json(), plus the values an
organization leaves out, which a link may still ask for: the page then says so).
"""

import difflib
import posixpath
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

# Query keys that are not questions: Material's search (?q=) and highlighting (?h=).
OTHER_KEYS = ("q", "h")
SHOW_ALL = ("show", "all")


def nearest(name, known):
    close = difflib.get_close_matches(str(name), list(known), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def asked_if_words(asked_if):
    return " and ".join(f"{key}={' or '.join(values)}" for key, values in asked_if.items())


def problems(query, guide):
    """What is wrong with `query` ("owner=employee&protect=apps") for the guide `guide`
    ({"dimensions": [{"key", "values", "asked_if"?}], "impossible": [...],
    "not_offered": {key: {value: label}}?}): sentences, none when the link is right."""
    pairs = parse_qsl(query, keep_blank_values=True)
    dimensions = {d["key"]: d for d in guide["dimensions"]}
    leftout = guide.get("not_offered") or {}
    found, given = [], {}
    for key, value in pairs:
        if key in OTHER_KEYS:
            continue
        if key in given:
            found.append(f"'{key}' is given twice.")
            continue
        given[key] = value
        if key == SHOW_ALL[0]:
            if value != SHOW_ALL[1]:
                found.append(f"'show={value}' is not known: only 'show=all' shows every "
                             "situation.")
            continue
        if key not in dimensions:
            found.append(f"'{key}' is not a question of this guide.{nearest(key, dimensions)} "
                         f"It asks: {', '.join(dimensions)}.")
            continue
        values = [*dimensions[key]["values"], *leftout.get(key, {})]
        if value not in values:
            found.append(f"'{value}' is not a value of '{key}'.{nearest(value, values)} "
                         f"Values: {', '.join(values)}.")
    if found:
        return found
    for key in given:
        asked_if = dimensions.get(key, {}).get("asked_if")
        if asked_if and not all(given.get(k) in v for k, v in asked_if.items()):
            found.append(f"'{key}' is asked only if {asked_if_words(asked_if)}, so a link "
                         f"that gives '{key}' must give that too.")
    for rule in guide.get("impossible", ()):
        if all(given.get(key) == value for key, value in rule["when"].items()):
            instead = ", ".join(f"{key}={value}" for key, value in rule["instead"].items())
            found.append(f"{', '.join(f'{k}={v}' for k, v in rule['when'].items())} can't go "
                         f"together ({rule['because']}): the guide would show {instead} "
                         "instead.")
    return found


LINK = re.compile(r'<a\s[^>]*?href="([^"]*\?[^"]*)"')


def links_with_queries(html):
    """(href, path, query) of every link in the page's HTML whose address has a query."""
    for match in LINK.finditer(html):
        href = unescape(match.group(1))
        parts = urlsplit(href)
        if not parts.scheme and not parts.netloc and parts.query:
            yield href, parts.path, parts.query


def target_url(page_url, path):
    """The site URL a relative link on the page at `page_url` leads to."""
    if not path:
        return page_url
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))


def page_problems(links, page_url, guide_at, site_keys):
    """[(href, what is wrong)] for the links of one built page (`links_with_queries`):
    `guide_at(url)` gives the guide at a site URL as `problems` reads it, or None for a page
    that asks no questions; `site_keys` are every question key of the site."""
    found = []
    for href, path, query in links:
        url = target_url(page_url, path)
        guide = guide_at(url)
        if guide is None:
            keys = [key for key, _ in parse_qsl(query) if key in site_keys]
            if keys:
                found.append((href, f"'{url}' asks no questions, so '{keys[0]}' does nothing "
                                    "there."))
            continue
        found.extend((href, problem) for problem in problems(query, guide))
    return found
