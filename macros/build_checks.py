"""MkDocs hooks that turn silent mistakes in pages into build errors naming file and line.

Loaded through `hooks:` in mkdocs.yml (not by the macros plugin).
"""

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import YAML_RE


def front_matter_error(markdown, src_path):
    """Describe why a page's front matter block is not a YAML mapping, or return None.

    MkDocs silently ignores front matter it cannot parse and then shows it as page text;
    it only leaves the `---` block in the Markdown when parsing failed.
    """
    block = YAML_RE.match(markdown)
    if block is None:
        return None
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.YAMLError as error:
        # Point at the construct left open (an unclosed bracket), else at the problem itself.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening `---`, +1 to count from 1
        problem = getattr(error, "problem", None) or str(error)
        return (f"{src_path}:{line}: front matter is not valid YAML ({problem}). "
                "Hint: quote values that contain ':', '[' or '{', and close every bracket.")
    if not isinstance(data, dict):
        return (f"{src_path}:2: front matter must be 'key: value' lines, "
                f"not a {type(data).__name__}.")
    return None


@event_priority(100)  # before the macros plugin renders the page
def on_page_markdown(markdown, page, config, files):
    problem = front_matter_error(markdown, page.file.src_path)
    if problem:
        raise PluginError(problem)
