"""`make freshness`: the pages due for review, oldest first, then the outdated translations.

A page is due when its front matter `last_reviewed` is more than `extra: review_after_months`
(mkdocs.yml) months ago. A translation (page.de.md) is outdated when its English source, or a
file the source includes, changed since the version its `source_hash` records
(macros/translations/source_hash.py). Usage:
python -m macros.writer_checks.freshness [--config-file mkdocs.yml]
"""

import argparse
import datetime
import os
import sys

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data

from macros import languages
from macros.translations import source_hash
from macros.writer_checks import front_matter


def pages_due(docs_files, review_after_months, today):
    """(src path, last reviewed, owner) for every page due for review, oldest first."""
    due = []
    for file in docs_files:
        _, meta = get_data(file.content_string)
        if front_matter.review_overdue(meta, review_after_months, today):
            due.append((file.src_uri, front_matter.reviewed_on(meta), meta.get("owner", "?")))
    return sorted(due, key=lambda page: page[1])


def outdated_translations(docs_files, docs_dir):
    """(src path, recorded hash, current hash) for every translation behind its source."""
    outdated = []
    for file in docs_files:
        if languages.translation_suffix(file.src_uri) is None:
            continue
        _, meta = get_data(file.content_string)
        current = source_hash.source_hash(docs_dir, file.src_uri)
        if meta.get(source_hash.KEY) != current:
            outdated.append((file.src_uri, meta.get(source_hash.KEY), current))
    return outdated


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    config = load_config(args.config_file)
    months = config.extra.get("review_after_months", front_matter.DEFAULT_REVIEW_AFTER_MONTHS)
    pages = get_files(config).documentation_pages()
    due = pages_due(pages, months, datetime.date.today())
    docs_dir = os.path.relpath(config.docs_dir)
    for src_uri, reviewed, owner in due:
        print(f"{docs_dir}/{src_uri}: last reviewed {reviewed} (owner: {owner})")
    print(f"{len(due)} of {len(pages)} pages were last reviewed more than {months} months ago.")
    outdated = outdated_translations(pages, config.docs_dir)
    for src_uri, recorded, current in outdated:
        source = languages.source_uri(src_uri)
        if recorded:
            why = f"which changed since (source_hash {recorded}, now {current})"
        else:
            why = "but has no source_hash to say which version it follows"
        print(f"{docs_dir}/{src_uri}: translation of {docs_dir}/{source}, {why}; bring it up "
              f"to date, then make stamp PAGE={docs_dir}/{src_uri}")
    translations = sum(1 for page in pages if languages.translation_suffix(page.src_uri))
    print(f"{len(outdated)} of {translations} translations are behind their source.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
