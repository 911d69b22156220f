"""axe-core, the accessibility engine every page is checked with: its rules written once (WCAG
2.2 AA), run in Chromium (axe-playwright-python) or injected into WebKit, reported the same way."""

import json

from axe_playwright_python.sync_playwright import Axe

from .browsers import SETTLED

AXE = Axe()
# axe-core itself (the copy axe-playwright-python ships), to inject into a page.
AXE_SCRIPT = AXE.axe_script

# resultTypes: axe still runs every rule and reports each violation whole, but for passes and the
# rest it keeps one node instead of every element checked. Without it a run hands the guide's
# 420 KB of results back to Python: 2.4 s a run instead of 1.8 (median of 4 runs each).
WCAG_22_AA = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations"]}


def describe(violations):
    """axe's violations ({id, impact, help, nodes: [{target}]}) as lines a failure can show."""
    return "\n".join(
        f"- {v['id']} ({v.get('impact')}): {v['help']}\n    "
        + "\n    ".join(", ".join(node["target"]) for node in v["nodes"])
        for v in violations)


def violations(page, context=None):
    """WCAG 2.2 AA violations on a Playwright page (in `context`, e.g. "article", or the whole
    page), as a report: "" when there are none."""
    results = AXE.run(page, context=context, options=WCAG_22_AA)
    return describe(results.response["violations"])


AXE_RUN = """(options) => axe.run(document, options).then((results) =>
  JSON.stringify(results.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target}))}))))"""


def violations_in_reader(reader):
    """The same in any engine (a reader from readers.py): axe-core (the copy axe-playwright-python
    ships) injected into the page, run once the page has settled (no fade half-way)."""
    reader.wait(SETTLED)
    reader.run(f"() => {{ {AXE_SCRIPT} }}")
    return describe(json.loads(reader.run(AXE_RUN, WCAG_22_AA)))
