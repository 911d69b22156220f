"""Content-Security-Policy violations, recorded in every frame of a page from its first script."""

# Records every violation in every frame (the search worker's iframe on file:// included): give
# it to page.add_init_script, so the listener is there before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || event.sample} in ${location.href}`));
"""


def violations(page):
    """Every violation recorded in the page and its frames."""
    found = []
    for frame in page.frames:
        found += frame.evaluate("window.__violations || ['no listener in ' + location.href]")
    return found
