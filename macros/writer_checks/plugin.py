"""`help-writer-checks`: a writer's mistake stops the build naming file, line and fix.

The data files every page reads (macros/messages.yml, macros/situations.yml: data_files.py) and
the docs folder as a whole (encoding, orphan translations, empty pages: source_files.py), before
any page is rendered, so that a mistake is named at its own file; front matter (schema:
macros/front_matter.schema.yml), broken links, anchors and images (page_checks.py); heading ids
that move or repeat an anchor (heading_ids.py); images and video (images.py); pages due for
review are warned about without failing the build.
"""

import logging
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from macros import languages, messages
from macros.situations import Registry
from macros.upstream import mkdocs_core, static_i18n
from macros.writer_checks import front_matter, heading_ids, page_checks, source_files
from macros.writer_checks.images import check_and_mark_images
from macros.writer_checks.config import WriterChecksConfig


class WriterChecksPlugin(BasePlugin[WriterChecksConfig]):
    def __init__(self):
        super().__init__()
        self.link_warnings = page_checks.PointLinkWarningsAtTheLine()
        # {source file: its size and modification time} of the pages whose front matter
        # passed in this process: another language's site, built right after the source
        # language's, shows an untranslated page from the same file, checked already.
        self.passed = {}

    def on_startup(self, command, dirty):
        review_log = page_checks.review_log
        if not review_log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
            review_log.addHandler(handler)
            review_log.propagate = False

    def on_config(self, config):
        self.link_warnings.docs_dir = config.docs_dir
        logging.getLogger(mkdocs_core.PAGE_LOGGER).addFilter(self.link_warnings)
        # The data files every page's macros read: a mistake in one is reported at its own line
        # here, not at the first page that happens to read it.
        messages.check_file()
        for language in languages.LANGUAGES:
            Registry.load(language=language)

    def on_shutdown(self):
        logging.getLogger(mkdocs_core.PAGE_LOGGER).removeFilter(self.link_warnings)

    def on_files(self, files, config):
        """Every Markdown file (excluded ones too: shared steps) is UTF-8 text, every translation
        has its source, no page is empty: named at the file, not at a page that reads it (the
        home page reads every guide's front matter)."""
        problems = (source_files.not_utf8_problems(files) + source_files.orphan_problems(files)
                    + source_files.empty_problems(
                        f for f in files.documentation_pages() if f.inclusion.is_included()))
        if problems:
            raise PluginError("\n".join(problems))
        return files

    # Before static-i18n's on_page_markdown rewrites the Markdown (and before the macros render it).
    @event_priority(static_i18n.BEFORE_ITS_MARKDOWN)
    def on_page_markdown(self, markdown, page, config, files):
        source = page.file.abs_src_path
        checked = (languages.build_language(config) != languages.SOURCE_LANGUAGE
                   and self.passed.get(source) == file_stamp(source))
        if not checked:
            problem = (page_checks.front_matter_error(markdown, page.file.src_uri)
                       or page_checks.schema_errors(page))
            if problem:
                raise PluginError(problem)
            self.passed[source] = file_stamp(source)
        page.meta["last_reviewed"] = front_matter.reviewed_on(page.meta)  # for the theme
        page_checks.warn_if_due_for_review(page, config)

    def on_page_content(self, html, page, config, files):
        """Heading ids (heading_ids.py), situations that links give to guides (page_checks.py);
        then alt text, size budget,
        light and dark pairs, no embedded video (images.py): images become lazy, sized and
        zoomable."""
        problem = (heading_ids.problem(page.file.src_uri, html, page.file.content_string.splitlines())
                   or page_checks.link_query_error(html, page, config, files))
        if problem:
            raise PluginError(problem)
        try:
            return check_and_mark_images(html, page, config, files)
        except ValueError as problems:
            raise PluginError(str(problems)) from None


def file_stamp(path):
    try:
        status = os.stat(path)
    except (OSError, TypeError):
        return None
    return status.st_size, status.st_mtime_ns
