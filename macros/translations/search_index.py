"""One search index per language.

Material's search plugin writes site/search/search_index.json in every language build, so the
German build would overwrite the English index. Right after it, the source build keeps its
index, and each other language's build moves its own into its folder,
site/de/search/search_index.json, with search_index.js beside it for file:// (what the offline
plugin writes for the root), and puts the source index back. The entries keep their locations
from the site root (de/…), where Material resolves results; overrides/assets/languages/languages.js
points German pages at their index.
"""

from pathlib import Path


def index_paths(root):
    folder = Path(root) / "search"
    return folder / "search_index.json", folder / "search_index.js"


def read_source_index(site_dir):
    """The source language's index as its build wrote it, or None."""
    root_json, _ = index_paths(site_dir)
    return root_json.read_bytes() if root_json.is_file() else None


def move_into_language_folder(site_dir, language, source_index):
    """The index just written at the root belongs to `language`: move it to its folder and put
    `source_index` (bytes, or None) back at the root."""
    root_json, _ = index_paths(site_dir)
    if not root_json.is_file():
        return
    data = root_json.read_bytes()
    own_json, own_js = index_paths(Path(site_dir) / language)
    own_json.parent.mkdir(parents=True, exist_ok=True)
    own_json.write_bytes(data)
    own_js.write_bytes(b"var __index = " + data)
    if source_index is not None:
        root_json.write_bytes(source_index)
