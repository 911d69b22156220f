"""What docs/' pages are written from (front matter `sources:`): every guide names its sources,
each source has its fingerprint and its on-screen names (docs/sources/, made by `make
fingerprint`), no page says a run of 10 words as its sources do, every name a guide shows in
bold is an on-screen name of its sources, and a German guide shows the same names in the same
order. Pages are found from their front matter, never by name; a failure names the file and
line to change, and how.

The sources themselves stay outside the repository: only their fingerprints are here
(tests/support/sources.py explains them).
"""

import re

import pytest
from bs4 import BeautifulSoup

from macros.languages import translation_suffix
from support import sources
from support.content import front_matter, guides, html_path
from support.project import DOCS, PROJECT
from support.where import page_files, relative, text_line

PAGES = front_matter()
GUIDES = guides()
DECLARING = sorted(src for src, meta in PAGES.items() if meta.get("sources"))
FINGERPRINTS = sorted({source["fingerprint"] for src in DECLARING
                       for source in PAGES[src]["sources"]})
HINT_SOURCES = "see 'Sources' in the writing guide, docs/writing/checks.md"
INCLUDE = re.compile(r'\{%\s*include\s+"([^"]+)"\s*%\}')


def fingerprint_path(name):
    return DOCS / name


def declared_line(src, name):
    """Where the page's front matter names the fingerprint `name`."""
    lines = (DOCS / src).read_text(encoding="utf-8").splitlines()
    number = next((n for n, line in enumerate(lines, 1) if name in line), 1)
    return f"{relative(DOCS / src, PROJECT)}:{number}"


def fingerprints_of(src):
    """The existing fingerprint files of the page's sources."""
    return [fingerprint_path(source["fingerprint"]) for source in PAGES[src].get("sources") or []
            if fingerprint_path(source["fingerprint"]).is_file()]


def translations(src):
    """The page's translations in docs/ (page.de.md beside page.md)."""
    stem = (DOCS / src).name.removesuffix(".md")
    return sorted(path.relative_to(DOCS).as_posix()
                  for path in (DOCS / src).parent.glob(f"{stem}.*.md")
                  if translation_suffix(path.relative_to(DOCS).as_posix()))


@pytest.mark.parametrize("src", sorted(GUIDES))
def test_every_guide_names_its_sources(src):
    assert "sources" in PAGES[src], (
        f"{relative(DOCS / src, PROJECT)}:1: the guide doesn't say what it is written from. "
        f"Hint: list its source documents under `sources:` in its front matter ({HINT_SOURCES}); "
        "`sources: []` if it comes from no document.")


@pytest.mark.parametrize("src", DECLARING)
def test_every_declared_source_has_its_fingerprint_and_names(src):
    missing = []
    for source in PAGES[src]["sources"]:
        path = fingerprint_path(source["fingerprint"])
        name = path.name.removesuffix(sources.FINGERPRINT_SUFFIX)
        for wanted in (path, sources.names_file(path)):
            if not wanted.is_file():
                missing.append(
                    f"{declared_line(src, source['fingerprint'])}: the source "
                    f"'{source['title']}' has no {relative(wanted, PROJECT)}. Hint: make "
                    f"fingerprint SOURCE=path/to/the/document NAME={name} ({HINT_SOURCES}).")
    assert missing == [], "\n".join(missing)


@pytest.mark.parametrize("fingerprint", FINGERPRINTS)
def test_fingerprint_is_up_to_date_with_its_document(fingerprint):
    path = fingerprint_path(fingerprint)
    if not path.is_file():
        pytest.fail(f"{relative(path, PROJECT)} is missing: "
                    "test_every_declared_source_has_its_fingerprint_and_names says how to make it")
    document, digest = sources.made_from(path)
    if document is None:
        pytest.fail(f"{relative(path, PROJECT)}:1: no '# made from:' line. Hint: make it again "
                    f"with make fingerprint ({HINT_SOURCES}).")
    if not document.is_file():
        pytest.skip(f"{relative(path, PROJECT)} was made from {document}, which is not on this "
                    "machine: the fingerprint is not compared with it here")
    title = re.search(r'^# Fingerprint of "(.*)",$', path.read_text("utf-8"), re.M).group(1)
    name = path.name.removesuffix(sources.FINGERPRINT_SUFFIX)
    hint = (f"Hint: its document changed; run make fingerprint SOURCE={document} NAME={name} "
            f"TITLE='{title}'")
    assert path.read_text("utf-8") == sources.fingerprint_text(document, title), hint
    assert sources.names_file(path).read_text("utf-8") == sources.names_text(
        document, path.name), hint


@pytest.mark.parametrize("src", DECLARING)
def test_no_page_says_ten_words_in_a_row_as_its_sources_do(src):
    """The page, its translations and every shared step they include, against its sources."""
    if len(fingerprints_of(src)) < len(PAGES[src]["sources"]):
        pytest.fail(f"{relative(DOCS / src, PROJECT)}: a source it declares has no fingerprint, so "
                    "it can't be checked for copied text: "
                    "test_every_declared_source_has_its_fingerprint_and_names says how to make it")
    fingerprint = set().union(*[sources.read_fingerprint(p) for p in fingerprints_of(src)])
    copied = []
    files = {path for page in [src, *translations(src)] for path in page_files(DOCS, page)}
    for path in sorted(files):
        runs = {}  # line: the copied words from there on (overlapping runs joined)
        for run in sources.copied_runs(path.read_text(encoding="utf-8"), fingerprint):
            line, words = run.split(": ", 1)
            runs[line] = f"{runs[line]} {words.split()[-1]}" if line in runs else words
        copied += [f"{relative(path, PROJECT)}:{line.removeprefix('line ')}: says '{words}' word "
                   "for word as its source does. Hint: say it in your own words (on-screen "
                   "names in bold may stay as they are)." for line, words in runs.items()]
    assert copied == [], "\n".join(copied)


def test_copies_are_found_whatever_the_case_punctuation_spacing_or_bold_names():
    source = "Go to **Settings** and turn on **iCloud backup**, then wait for the restore to end."
    fingerprint = {digest for digest, *_ in sources.shingles(source)}
    copy = "1. go to **App Store** and\n   turn on **Apps** then WAIT for the restore to end!"
    assert sources.copied_runs(copy, fingerprint) != []
    own_words = "Open **Settings**. Switch on **iCloud backup** and wait until restoring ends."
    assert sources.copied_runs(own_words, fingerprint) == []


def test_nine_words_in_a_row_are_not_a_copy():
    fingerprint = {sources.shingle_hash("one two three four five six seven eight nine ten".split())}
    assert sources.copied_runs("one two three four five six seven eight nine", fingerprint) == []
    assert sources.copied_runs("One, two: three four five six seven eight nine ten.",
                               fingerprint) != []


# --- On-screen names ---------------------------------------------------------------------------

def names_of(src):
    return set().union(*[sources.read_names(p) for p in fingerprints_of(src)])


@pytest.mark.parametrize("src", sorted(GUIDES))
def test_every_name_in_bold_is_an_on_screen_name_of_its_sources(site_dir, src):
    """On-screen names are bold in the guides; each must be one its sources show, exactly."""
    names = names_of(src)
    article = BeautifulSoup((site_dir / html_path(src)).read_text(encoding="utf-8"),
                            "html.parser").select_one("article")
    wrong = []
    for bold in article.find_all(["strong", "b"]):
        name = bold.get_text(" ", strip=True)
        if bold.find_parent(class_="org-support") or name in names or name in wrong:
            continue
        wrong.append(name)
    assert wrong == [], "\n".join(
        f"{text_line(DOCS, src, name, PROJECT)}: **{name}** is not an on-screen name of the "
        f"guide's sources. Hint: spell it as its source shows it (the names are in "
        f"{', '.join(relative(sources.names_file(p), PROJECT) for p in fingerprints_of(src))}), "
        "or, if it is not a name on screen, don't make it bold." for name in wrong)


BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")


def with_includes(path):
    text = path.read_text(encoding="utf-8")
    return INCLUDE.sub(lambda m: with_includes(DOCS / m.group(1)), text)


def german_names(src):
    """{English name: its German words} from the German names of the guide's sources."""
    return {english: german for p in fingerprints_of(src)
            for german, english in sources.read_german_names(p).items()}


GERMAN_GUIDES = [src for src in sorted(GUIDES) if (DOCS / src.replace(".md", ".de.md")).exists()]


@pytest.mark.parametrize("src", GERMAN_GUIDES)
def test_german_guide_shows_the_same_on_screen_names_in_the_same_order(src):
    """The German name where the sources' German names give one, otherwise the English name in
    German quotation marks („…“), bold as in English; read from the Markdown (with the shared
    steps it includes)."""
    in_german = german_names(src)
    english = BOLD.findall(with_includes(DOCS / src))
    german = BOLD.findall(with_includes(DOCS / src.replace(".md", ".de.md")))
    assert german == [in_german.get(name, f"„{name}“") for name in english]


@pytest.mark.parametrize("fingerprint", FINGERPRINTS)
def test_every_german_name_stands_for_an_on_screen_name_of_its_source(fingerprint):
    path = fingerprint_path(fingerprint)
    german = sources.read_german_names(path)
    unknown = sorted(set(german.values()) - sources.read_names(path))
    assert unknown == [], (
        f"{relative(sources.german_names_file(path), PROJECT)}: {', '.join(unknown)} "
        "is not an on-screen name of the source. Hint: write the English name as "
        f"{relative(sources.names_file(path), PROJECT)} has it.")
    assert len(set(german.values())) == len(german)


@pytest.mark.parametrize("src", [src.replace(".md", ".de.md") for src in GERMAN_GUIDES])
def test_every_german_include_is_a_german_shared_step(src):
    """A German page pulls in German shared steps only: an English one would show English text."""
    english = [path for path in page_files(DOCS, src)[1:] if not path.name.endswith(".de.md")]
    assert english == [], "\n".join(
        f"{relative(DOCS / src, PROJECT)}: includes {relative(path, PROJECT)}, which is English. "
        f"Hint: include its German version, {path.name.removesuffix('.md')}.de.md."
        for path in english)
