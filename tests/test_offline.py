"""Reading offline after the first visit, in Chromium (issue 24), on the reader site
(tests/sites/reader-site, built with Contoso's profile and with Fabrikam's): the journey of
support/offline_scenarios.py, plus what stays as it was: nothing from file://, a manifest and
home-screen metas with the organization's name and icon, and a policy that allows the worker.
WebKit runs the same journey: test_webkit_offline.py."""

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from support import offline_scenarios as offline
from support.project import PROJECT
from support.offline_scenarios import host  # noqa: F401 (a fixture)
from support.readers import ChromiumReader


@pytest.fixture
def reader(browser, host):
    context = browser.new_context()
    yield ChromiumReader(context.new_page(), host.root)
    context.close()


def test_versions_new_release_and_reading_offline(reader, host):
    offline.versions_new_release_and_reading_offline(reader, host)


def test_from_disk_no_worker_is_registered(new_visit, reader_site):
    visit = new_visit(reader_site.as_uri() + "/")
    page = visit.open(f"{offline.GUIDE}?{offline.SITUATION}")
    page.wait_for_timeout(500)
    assert page.evaluate("navigator.serviceWorker === undefined || "
                         "navigator.serviceWorker.controller === null")
    assert visit.console_errors == [] and visit.outside_requests == []


def head(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser").head


@pytest.mark.parametrize("profile, site", [("contoso.yml", "reader_site"),
                                           ("fabrikam.yml", "reader_site_fabrikam")])
def test_add_to_home_screen_gives_the_organization_name_and_icon(request, profile, site):
    """On iPhone (apple-touch-icon, apple-mobile-web-app-title) and in the manifest, per language."""
    built = request.getfixturevalue(site)
    name = yaml.safe_load((PROJECT / "profiles" / profile).read_text(encoding="utf-8"))["name"]
    for language_folder in ("", "de/"):
        page = head(built / language_folder / offline.GUIDE)
        assert page.select_one("meta[name=apple-mobile-web-app-title]")["content"] == name
        assert page.select_one("meta[name=apple-mobile-web-app-capable]")["content"] == "yes"
        icon = built / language_folder / page.select_one("link[rel=apple-touch-icon]")["href"]
        with Image.open(icon) as image:
            assert image.format == "PNG" and image.size == (180, 180)
        manifest_path = built / language_folder / page.select_one("link[rel=manifest]")["href"]
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        assert manifest["short_name"] == name and name in manifest["name"]
        assert manifest["lang"] == (language_folder.rstrip("/") or "en")
        sizes = set()
        for entry in manifest["icons"]:
            with Image.open(manifest_path.parent / entry["src"]) as image:
                assert f"{image.size[0]}x{image.size[1]}" == entry["sizes"]
                sizes.add(image.size[0])
        assert {192, 512} <= sizes


def test_fabrikam_icon_is_its_logo_not_the_default(reader_site, reader_site_fabrikam):
    """Fabrikam's profile has a logo: its home-screen icon differs from Contoso's (Material's
    book icon on indigo), and carries the logo's white tile."""
    icon = "assets/images/home-screen-512.png"
    with (Image.open(reader_site / icon) as contoso,
          Image.open(reader_site_fabrikam / icon) as fabrikam):
        assert contoso.tobytes() != fabrikam.tobytes()
        centre = fabrikam.convert("RGB").getpixel((150, 150))  # inside the logo's white tile
        assert centre == (255, 255, 255)


def test_policy_allows_only_the_site_own_worker_and_manifest(reader_site):
    policy = head(reader_site / offline.GUIDE).select_one(
        "meta[http-equiv=Content-Security-Policy]")["content"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
