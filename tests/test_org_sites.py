"""Sites built for other organizations: Fabrikam's example profile and a profile full of markup.

The whole browser suite runs on the default (Contoso) site; here the second example gets the
checks that its profile can change: requests, console errors, WCAG, links, colours.
"""

import shutil

import pytest
import yaml

from macros.organization.profile import SCHEMA_FILE
from support import axe
from support.content import reader_pages
from support.linkcheck import run_linkchecker
from support.project import PROJECT, build_site
from support.scenarios import GUIDE
from support.sites import make_world_readable_dir

ORG_VALUES = PROJECT / "tests" / "sites" / "org-values"
PAGES = reader_pages()
# What the hostile profile's fields say; each must show on the page exactly as typed.
HOSTILE_TEXTS = [
    "Help from <script>*A* [x](javascript:alert(1))",
    "*Helpdesk* <b onmouseover=alert(2)>",
    "[Help](javascript:alert(3))",
    "<img src=x onerror=alert(4)>",
    "{{ 7 * 7 }} _under_ </div><script>alert(5)</script>",
]


@pytest.fixture(scope="module")
def hostile_site():
    folder = make_world_readable_dir("help-site-hostile-")
    result = build_site(folder / "site", docs_dir=ORG_VALUES / "docs",
                        env={"HELP_ORG_PROFILE": str(ORG_VALUES / "hostile-profile.yml")})
    assert result.returncode == 0, result.stderr
    yield folder / "site"
    shutil.rmtree(folder, ignore_errors=True)


def test_profile_values_show_as_text_and_never_run(new_visit, hostile_site):
    visit = new_visit(hostile_site.as_uri() + "/")
    dialogs = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = visit.open("index.html")
    article = page.locator("article")
    page.locator(".org-support a").first.hover()
    text = article.inner_text()
    not_as_typed = [t for t in HOSTILE_TEXTS if t not in text]
    assert not_as_typed == [], "profile values must show as typed, HTML and Markdown inert"
    acting = article.locator("script, img, b, em, a[href^='javascript']")
    assert acting.count() == 0, (
        "HTML or Markdown in a profile value became markup: "
        + "; ".join(acting.evaluate_all("els => els.map(e => e.outerHTML)")))
    website = page.get_by_role("link", name="[Help](javascript:alert(3))")
    assert website.get_attribute("href") == "https://help.fabrikam.com/?q=x&r='y'"
    # (The scenario site has no stylesheets of its own, so console errors are expected here.)
    assert dialogs == []


@pytest.mark.parametrize("path", PAGES)
def test_fabrikam_page_stays_inside_the_site_without_console_errors(new_visit, fabrikam_site_dir,
                                                                    path):
    visit = new_visit(fabrikam_site_dir.as_uri() + "/")
    page = visit.open(path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert visit.outside_requests == [] and visit.console_errors == []


@pytest.mark.parametrize("colours", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_fabrikam_page_has_no_wcag_22_aa_violations(new_visit, fabrikam_site_dir, path, colours):
    visit = new_visit(fabrikam_site_dir.as_uri() + "/", color_scheme=colours)
    page = visit.open(path)
    assert page.locator("body").get_attribute("data-md-color-primary") == "deep-purple"
    assert axe.violations(page) == ""


@pytest.mark.slow
def test_fabrikam_site_has_no_broken_links_or_anchors(fabrikam_site_dir):
    result = run_linkchecker(fabrikam_site_dir / "index.html")
    assert result.returncode == 0, result.stdout
    assert " 0 warnings found. 0 errors found." in result.stdout


# Runs axe-core's colour contrast rule on what Material draws in the primary colour, for each
# colour scheme and primary colour; returns one line per failing element.
CONTRAST_IN_EVERY_COLOUR = """async ([schemes, colours]) => {
  const context = {include: [
    ["header"], ["article a"], [".md-button"], [".md-nav__link--active"]]};
  // Check the colours the page settles on, not halfway through Material's colour transitions.
  const noTransitions = document.createElement("style");
  noTransitions.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.append(noTransitions);
  const failures = [];
  for (const scheme of schemes) {
    for (const colour of colours) {
      Object.assign(document.body.dataset, {mdColorScheme: scheme, mdColorPrimary: colour});
      const results = await axe.run(
        context, {runOnly: ["color-contrast"], resultTypes: ["violations"]});
      for (const node of results.violations.flatMap(violation => violation.nodes)) {
        failures.push(`${colour} (${scheme}) ${node.target.join(" ")}: ${node.failureSummary}`);
      }
    }
  }
  return failures;
}"""


def schema_colours():
    schema = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema["properties"]["primary_color"]["enum"]


def test_every_colour_a_profile_may_choose_keeps_text_contrast(new_visit, reader_site):
    """Material draws the header, links, buttons and the nav's current page in the primary
    colour: each colour that profiles/schema.yml allows must keep them readable, light and dark
    (on the reader site's guide)."""
    page = new_visit(reader_site.as_uri() + "/").open(GUIDE)
    page.evaluate(axe.AXE_SCRIPT)  # axe-core, injected once for all the runs below
    failures = page.evaluate(CONTRAST_IN_EVERY_COLOUR, [["default", "slate"], schema_colours()])
    assert failures == [], "\n".join(failures)
