"""A page not yet translated renders its macros once (macros/build_cache/fallback_pages.py): the
German site a reader gets is the same as when every language renders every page.

tests/sites/untranslated-pages/ has no German page: a guide with questions of its own (words in
both languages), the picker, conditional sections and steps (nested, with alternatives), the
organization's macros and a builtin filter; a home page; and a page that prints the site's
language, which the German build must render itself.
"""

import pytest

from support.project import SITES, build_site

# Builds the site three times: not part of `make test-fast`.
pytestmark = pytest.mark.slow

DOCS = SITES / "untranslated-pages" / "docs"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{name: site folder}: reusing English's renders (cold, then warm cache) and not reusing."""
    folder = tmp_path_factory.mktemp("untranslated-pages")
    built = {}
    for name, reuse, cache in (("cold", "true", "cache"), ("warm", "true", "cache"),
                               ("rendered-again", "false", "other-cache")):
        result = build_site(folder / name, docs_dir=DOCS,
                            env={"HELP_BUILD_CACHE": str(folder / cache),
                                 "HELP_REUSE_SOURCE_RENDERS": reuse})
        assert result.returncode == 0, result.stderr
        built[name] = folder / name
    return built


def files_of(site):
    return {path.relative_to(site): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file()}


@pytest.mark.parametrize("name", ["cold", "warm"])
def test_every_file_is_the_same_as_when_each_language_renders_every_page(sites, name):
    reused, rendered = files_of(sites[name]), files_of(sites["rendered-again"])
    assert reused.keys() == rendered.keys()
    differ = [str(path) for path in rendered if reused[path] != rendered[path]]
    assert differ == [], f"differs from the German build's own render: {differ}"


def test_the_german_site_speaks_german_around_the_english_text(sites):
    guide = (sites["warm"] / "de" / "enroll.html").read_text(encoding="utf-8")
    assert "Wem gehört das iPhone?" in guide  # the picker
    assert "Nur wenn es Ihnen gehört" in guide  # a section's label
    assert "Nur wenn Apps und Daten für die Arbeit geschützt werden:" in guide  # a step's label
    assert "Only if" not in guide and "Who owns the iPhone?" not in guide
    assert "Company Portal is the app that enrolls the iPhone." in guide
    language = (sites["warm"] / "de" / "site-language.html").read_text(encoding="utf-8")
    assert "part of the site in <code>de</code>, written in <code>en</code>" in language
