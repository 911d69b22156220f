"""Drift tests: what the build relies on in MkDocs, Material, mkdocs-macros and
mkdocs-static-i18n beyond their documented settings is still there, in the shape we use.

One test per row of macros/upstream/MANIFEST.md (the last test checks that the two agree). When
an upgrade fails one, the row says what the dependence is for and what breaks without it.
"""

import inspect
import logging
import re
from importlib import metadata
from pathlib import Path

import material
import mkdocs_macros.plugin
import mkdocs_static_i18n.plugin
import mkdocs_static_i18n.suffix
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_macros.errors import format_error

from support.project import PROJECT
from macros.finished_html import security_policy
from macros.upstream import (VERSIONS, material_theme, mkdocs_core, mkdocs_macros_plugin,
                             static_i18n)

MATERIAL = Path(material.__file__).parent / "templates"
MANIFEST = PROJECT / "macros" / "upstream" / "MANIFEST.md"
OPENING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def test_the_installed_versions_are_the_ones_the_manifest_was_checked_against():
    installed = {name: metadata.version(name) for name in VERSIONS}
    assert installed == VERSIONS, (
        "An upgrade: go through macros/upstream/MANIFEST.md, then update VERSIONS in "
        "macros/upstream/__init__.py.")


# --- MkDocs ---------------------------------------------------------------------------------

def test_page_render_leaves_what_the_build_cache_keeps(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Title\n\n## Part\n\n[other](other.md#part)\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Part\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(name, str(docs), str(tmp_path / "site"), False)
                   for name in ("index.md", "other.md")])
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.read_source(config)
    assert list(inspect.signature(Page.render).parameters) == ["self", "config", "files"]
    assert mkdocs_core.render_page is Page.render
    mkdocs_core.render_page(page, config, files)
    kept = mkdocs_core.rendered_parts(page)
    assert kept["title"] == "Title" and '<h2 id="part">' in kept["html"]
    assert kept["anchors"] == ["part", "title"]
    assert kept["links"] == {"other.md": {"part": "other.md#part"}}
    again = Page(None, files.get_file_from_path("index.md"), config)
    again.read_source(config)
    mkdocs_core.restore_rendered_parts(again, kept, files)
    assert (again.title, again.content, again.toc) == (page.title, page.content, page.toc)
    assert again.links_to_anchors == page.links_to_anchors


def test_dirty_builds_ask_each_file_whether_it_was_modified():
    source = inspect.getsource(mkdocs_build)
    assert source.count("if dirty and not page.file.is_modified()") == 2
    assert callable(File.is_modified)


def test_a_page_a_dirty_build_left_alone_shows_the_title_it_is_given(tmp_path):
    config = load_config(str(write_config(tmp_path)))
    page = Page(None, File("a.md", str(tmp_path), str(tmp_path / "site"), False), config)
    mkdocs_core.stand_in_for_unbuilt_page(page, "Recorded title")
    assert page.title == "Recorded title"


def test_mkdocs_link_warnings_still_read_as_the_writer_checks_expect():
    """Each warning MkDocs logs about a link names the page and the link as the pattern that
    points it at a line expects (macros/writer_checks/page_checks.py)."""
    source = inspect.getsource(mkdocs_pages)
    messages = re.findall(r"""f"(Doc file '\{self\.file\.src_uri\}' contains [^"]*link '\{[^"]*)""",
                          source)
    assert len(messages) >= 3, messages
    for message in messages:
        text = re.sub(r"\{self\.file\.src_uri\}", "guide.md", message)
        text = re.sub(r"\{\w+\}", "other.md#part", text)
        match = mkdocs_core.LINK_PROBLEM.match(text)
        assert match and match.group("page") == "guide.md", message
        assert match.group("link") == "other.md#part", message
    assert logging.getLogger(mkdocs_pages.__name__).name == mkdocs_core.PAGE_LOGGER


def test_mkdocs_still_warns_about_every_dirty_build_in_those_words():
    assert f'"{mkdocs_core.DIRTY_WARNING}' in inspect.getsource(mkdocs_build.build)
    assert mkdocs_build.log.name == mkdocs_core.BUILD_LOGGER


# --- Material for MkDocs ---------------------------------------------------------------------

def test_materials_base_html_still_has_the_two_lines_we_fix():
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    for template, patches in material_theme.PATCHES.items():
        text = (MATERIAL / template).read_text(encoding="utf-8")
        for old, _ in patches:
            assert text.count(old) == 1, old
    assert "base.html" in material_theme.PATCHES and base


def test_copied_partials_are_materials_with_our_marked_changes():
    for ours, (theirs, replacements) in material_theme.COPIED_PARTIALS.items():
        copy = (PROJECT / ours).read_text(encoding="utf-8")
        assert f"Material for MkDocs {VERSIONS['mkdocs-material']}" in copy, ours
        expected = OPENING_COMMENT.sub("", (MATERIAL / theirs).read_text(encoding="utf-8"))
        for old, new in replacements:
            assert expected.count(old) == 1, f"{theirs} no longer contains {old!r}"
            expected = expected.replace(old, new)
        assert OPENING_COMMENT.sub("", copy) == expected, (
            f"{ours} is no longer Material's {theirs} with our changes: copy the installed one "
            "again and make the changes listed in COPIED_PARTIALS.")


def test_every_block_our_templates_override_is_a_block_of_materials_base_html():
    """Overriding a block Material no longer has would silently do nothing."""
    def blocks(text):
        return set(re.findall(r"\{%-?\s*block\s+(\w+)", text))

    material_blocks = blocks((MATERIAL / "base.html").read_text(encoding="utf-8"))
    ours = blocks((PROJECT / "overrides" / "main.html").read_text(encoding="utf-8"))
    layer = blocks((PROJECT / "versioning" / "theme" / "main.html").read_text(encoding="utf-8"))
    own = {"request_rules"}  # ours, inside the scripts block, for the versioning layer
    assert ours - own <= material_blocks
    assert layer - own <= material_blocks


def test_material_search_reads_lang_and_pipeline_and_keeps_its_previous_index():
    search = SearchPlugin()
    assert search.search_index_prev is None
    on_config = inspect.getsource(SearchPlugin.on_config)
    assert "SearchIndex(**self.config)" in on_config
    assert {"lang", "pipeline"} <= set(dict(SearchPlugin.config_class._schema))
    assert "self.search_index_prev" in inspect.getsource(SearchPlugin.on_post_build)
    pipeline = dict(SearchPlugin.config_class._schema)["pipeline"]
    for functions in load_config(str(PROJECT / "mkdocs.yml")).plugins[
            "help-languages"].config.search_pipeline.values():
        pipeline.validate(functions)


def test_the_offline_plugin_writes_its_files_before_the_finishing_step():
    priority = OfflinePlugin.on_post_build.mkdocs_priority
    assert priority == material_theme.OFFLINE_PRIORITY
    assert static_i18n.AFTER_IT < priority


def test_materials_german_stemmer_and_lunr_are_what_the_wildcard_fix_extends():
    """The fix replaces lunr.de's stemmer, registered as "stemmer-de", and asks lunr's query
    clause to run a word with a trailing wildcard through the pipeline (usePipeline)."""
    stemmer = (MATERIAL / "assets/javascripts/lunr/min/lunr.de.min.js").read_text(encoding="utf-8")
    assert 'registerFunction(e.de.stemmer,"stemmer-de")' in stemmer
    worker = next((MATERIAL / "assets/javascripts/workers").glob("search.*.min.js")).read_text(
        encoding="utf-8")
    assert "prototype.clause" in worker and "usePipeline" in worker
    fix = material_theme.WILDCARD_FIX
    assert '"stemmer-" + language' in fix and "options.usePipeline = true" in fix


def test_materials_bundle_still_asks_for_what_our_request_rules_change():
    """languages.js, lazy-search.js and versions-offline.js change these requests."""
    bundle = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")).read_text(
        encoding="utf-8")
    for asked_for in ("search/search_index.json", "search_index.js", "versions.json",
                      "sitemap.xml", "__md_get"):
        assert asked_for.rsplit("/", 1)[-1] in bundle, asked_for
    assert list((MATERIAL / "assets/javascripts/workers").glob("search.*.min.js"))
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert '<script id="__config" type="application/json">' in base
    assert '"search": "assets/javascripts/workers/search.' in base


def test_the_markup_our_scripts_read_is_still_materials():
    templates = {name: (MATERIAL / name).read_text(encoding="utf-8")
                 for name in ("base.html", "partials/alternate.html", "partials/toc-item.html")}
    assert 'data-md-toggle="search"' in templates["base.html"]  # lazy-search.js
    assert "md-select__link" in templates["partials/alternate.html"]  # languages.js
    assert "md-nav__link" in templates["partials/toc-item.html"]  # situations.js


# --- mkdocs-macros-plugin --------------------------------------------------------------------

def test_macros_plugin_compiles_each_page_through_its_environments_from_string():
    render = inspect.getsource(mkdocs_macros.plugin.MacrosPlugin.render)
    assert "self.env.from_string(markdown)" in render
    assert "self._env = Environment(" in inspect.getsource(
        mkdocs_macros.plugin.MacrosPlugin.on_config)
    assert mkdocs_macros_plugin.plugin(load_config(str(PROJECT / "mkdocs.yml"))) is not None


def test_macros_plugin_reports_template_errors_through_format_error():
    assert hasattr(format_error, "register") and hasattr(format_error, "registry")
    render = inspect.getsource(mkdocs_macros.plugin.MacrosPlugin.render)
    assert re.search(r"format_error\(\s*error,\s*markdown=markdown,\s*page=self\.page", render)
    assert mkdocs_macros.plugin.format_error is format_error


def test_macros_plugin_calls_on_pre_page_macros_and_gives_the_files():
    source = inspect.getsource(mkdocs_macros.plugin.MacrosPlugin)
    assert "add_function('on_pre_page_macros'" in source
    assert "self.variables['files'] = files" in source


def test_macros_plugin_renders_each_page_through_its_render_method():
    assert list(inspect.signature(mkdocs_macros.plugin.MacrosPlugin.render).parameters) == [
        "self", "markdown", "force_rendering"]
    page_markdown = inspect.getsource(mkdocs_macros.plugin.MacrosPlugin.on_page_markdown)
    assert "self._page = page" in page_markdown
    assert re.search(r"self\.markdown = self\.render\(\s*markdown=self\.markdown", page_markdown)
    assert "self.pre_macro_functions" in page_markdown.split("self.render(")[0]
    assert isinstance(inspect.getattr_static(mkdocs_macros.plugin.MacrosPlugin, "page"), property)


# --- mkdocs-static-i18n ----------------------------------------------------------------------

def test_static_i18n_has_the_state_and_methods_we_use():
    i18n = mkdocs_static_i18n.plugin.I18n()
    for attribute in ("building", "current_language", "extra_alternate"):
        assert hasattr(i18n, attribute), attribute
    for method in ("extend_search_entries", "reconfigure_search_index"):
        assert list(inspect.signature(getattr(i18n, method)).parameters) == ["config"], method
    post_build = inspect.getsource(mkdocs_static_i18n.plugin.I18n.on_post_build)
    assert "self.building = True" in post_build and "build(config, dirty=dirty)" in post_build
    assert "self.extend_search_entries(config)" in post_build
    assert "self.reconfigure_search_index(config)" in post_build
    create = inspect.getsource(mkdocs_static_i18n.suffix.create_i18n_file)
    assert "file.locale = file_locale" in create and "file.alternates = " in create


def test_static_i18n_runs_its_handlers_at_the_priorities_ours_are_ordered_against():
    plugin = mkdocs_static_i18n.plugin.I18n
    for event in ("on_config", "on_files", "on_post_build"):
        assert getattr(plugin, event).mkdocs_priority == static_i18n.ITS_PRIORITY, event
    assert plugin.on_page_markdown.mkdocs_priority < static_i18n.BEFORE_ITS_MARKDOWN
    assert "markdown.splitlines()" in inspect.getsource(plugin.on_page_markdown)


def test_static_i18n_warns_about_a_missing_home_page_in_those_words():
    assert mkdocs_static_i18n.plugin.log.name == static_i18n.LOGGER
    assert f'"{static_i18n.NO_HOME_PAGE}' in inspect.getsource(
        mkdocs_static_i18n.plugin.I18n.on_nav)


# --- Our side of the dependences -------------------------------------------------------------

def test_only_requests_js_wraps_xmlhttprequest():
    scripts = [*(PROJECT / "overrides" / "assets").rglob("*.js"),
               *(PROJECT / "versioning" / "theme").rglob("*.js")]
    wrapping = sorted(str(path.relative_to(PROJECT)) for path in scripts
                      if "assets/vendor/" not in path.as_posix()
                      and "XMLHttpRequest.prototype" in path.read_text(encoding="utf-8"))
    assert wrapping == ["overrides/assets/requests/requests.js"]


def test_the_vendored_iframe_worker_shim_still_writes_the_script_the_policy_hashes():
    shim = (PROJECT / "overrides/assets/vendor/iframe-worker/shim.js").read_text(encoding="utf-8")
    script = security_policy.iframe_worker_script(shim, "assets/javascripts/workers/search.js")
    assert "assets/javascripts/workers/search.js" in script and "importScripts" in script


def test_the_storage_guard_is_materials_partial_with_only_its_marked_change():
    """overrides/partials/javascripts/base.html is a copy: if Material changes its partial, the
    copy must be made again (the guard below is the one change)."""
    upstream = (MATERIAL / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    ours = (PROJECT / "overrides" / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    guard = ('["localStorage","sessionStorage"].forEach(n=>{try{window[n]}catch(e){try{'
             'Object.defineProperty(window,n,{value:null})}catch(e){}}}),')
    upstream_get = '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))'
    guarded_get = ('__md_get=(e,_=localStorage,t=__md_scope)=>{try{return JSON.parse('
                   '_.getItem(t.pathname+"."+e))}catch(e){return null}}')
    script = upstream[upstream.index("<script>"):]
    assert upstream_get in script, "Material's __md_get changed: copy its partial again"
    expected = script.replace("<script>", "<script>" + guard, 1).replace(upstream_get, guarded_get)
    assert ours[ours.index("<script>"):] == expected


def test_every_dependence_in_the_manifest_has_its_test_here():
    rows = [line for line in MANIFEST.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith(("| #", "| ---"))]
    named = [re.findall(r"`(test_\w+)`", row) for row in rows]
    assert all(named), [row for row, tests in zip(rows, named) if not tests]
    ours = {name for name in globals() if name.startswith("test_")}
    listed = {test for tests in named for test in tests}
    assert listed - ours == set(), "the manifest names tests that do not exist"
    assert ours - listed - {"test_every_dependence_in_the_manifest_has_its_test_here"} == set(), (
        "a drift test without a row in macros/upstream/MANIFEST.md")


def write_config(folder):
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    return folder / "mkdocs.yml"
