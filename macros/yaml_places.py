"""Where a value sits in a YAML text: the line of a key path such as
`situations.dimensions[0].legend`, for error messages that name the field and its line.

Used for organization profiles (macros/organization/profile.py) and for the front matter of
pages (macros/writer_checks/front_matter.py, macros/situations/page_guides.py).
"""

import yaml

# MkDocs reads front matter with libyaml where it is installed (mkdocs/utils/meta.py), which
# accepts a little more than PyYAML's own parser (`{en: Does it work?}`): read it the same way.
# Every YAML file of the build is read with it too: PyYAML's own parser took about a third of a
# small site's build (1.3 of 3.9 s CPU for a scenario site, cProfile), libyaml a tenth of that.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text):
    """yaml.safe_load(text), with libyaml."""
    return yaml.load(text, Loader=LOADER)


def compose(text):
    """yaml.compose(text) (the node tree, with lines), with libyaml."""
    return yaml.compose(text, Loader=LOADER)


def key_path(keys, whole="(the whole profile)"):
    """`situations.dimensions[0].legend` for ("situations", "dimensions", 0, "legend")."""
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else f".{key}"
    return text.lstrip(".") or whole


def line_of(tree, keys):
    """The 1-based line of the deepest YAML node on the way to `keys`."""
    node = tree
    line = node.start_mark.line + 1 if node else 1
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == key), None)
            if found is None:
                break
            line = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def front_matter_line(source, keys):
    """The line, in the page's file, of `keys` in its front matter (the block between the
    first two `---` lines); 1 when the page has none or it isn't valid YAML."""
    lines = source.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return 1
    end = next((n for n in range(1, len(lines)) if lines[n].rstrip() in ("---", "...")), None)
    if end is None:
        return 1
    try:
        tree = compose("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return 1
    return line_of(tree, keys) + 1 if tree is not None else 1  # + the opening `---`
