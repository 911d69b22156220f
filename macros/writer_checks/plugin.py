"""`help-writer-checks`: a writer's mistake stops the build naming file, line and fix.

Front matter (schema: macros/front_matter.schema.yml), encoding, and broken links, anchors and
images (page_checks.py); images and video (images.py); pages due for review are warned about without failing the build.
"""

import logging
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from macros import languages
from macros.upstream import mkdocs_core, static_i18n
from macros.writer_checks import front_matter, page_checks
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

    def on_shutdown(self):
        logging.getLogger(mkdocs_core.PAGE_LOGGER).removeFilter(self.link_warnings)

    def on_page_read_source(self, page, config):
        problem = page_checks.not_utf8_error(page.file.content_bytes, page.file.src_uri)
        if problem:
            raise PluginError(problem)
        return None  # MkDocs reads the page as usual

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
        """Situations that links give to guides (page_checks.py); then alt text, size budget,
        light and dark pairs, no embedded video (images.py): images become lazy, sized and
        zoomable."""
        problem = page_checks.link_query_error(html, page, config, files)
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
