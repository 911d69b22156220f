"""ARCHITECTURE.md's table of handlers is the one the build runs: for every MkDocs event, the
plugins whose handlers mkdocs.yml registers, in the order MkDocs calls them, with their
priorities. A new plugin, handler or priority goes into the table in the same change."""

import re

from mkdocs.config import load_config

from support.project import PROJECT

ARCHITECTURE = PROJECT / "ARCHITECTURE.md"
# `name` or `name (priority: why)` or `name (priority)`.
ENTRY = re.compile(r"^(?P<name>[\w/-]+)(?: \((?P<priority>-?\d+)(?::[^)]*)?\))?$")


def split_entries(cell):
    """Comma-separated entries, leaving commas inside parentheses alone."""
    entries, depth, current = [], 0, ""
    for character in cell:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            entries.append(current.strip())
            current = ""
        else:
            current += character
    return [*entries, current.strip()]


def documented_handlers():
    """{event: [(plugin, priority)]} from the Handlers section."""
    section = ARCHITECTURE.read_text(encoding="utf-8").split("\n## Handlers\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    table = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("event", "---"):
            continue
        entries = []
        for entry in split_entries(cells[1]):
            match = ENTRY.match(entry)
            assert match, f"ARCHITECTURE.md: cannot read {entry!r} (event {cells[0]})"
            entries.append((match["name"], int(match["priority"] or 0)))
        table[cells[0]] = entries
    return table


def registered_handlers():
    """{event: [(plugin, priority)]} as MkDocs registers them from mkdocs.yml."""
    plugins = load_config(str(PROJECT / "mkdocs.yml")).plugins
    name_of = {id(plugin): name for name, plugin in plugins.items()}
    return {event: [(name_of[id(handler.__self__)], getattr(handler, "mkdocs_priority", 0))
                    for handler in handlers]
            for event, handlers in plugins.events.items() if handlers}


def test_the_handler_table_is_what_mkdocs_registers():
    documented, registered = documented_handlers(), registered_handlers()
    for event in sorted(set(documented) | set(registered)):
        assert documented.get(event) == registered.get(event), (
            f"ARCHITECTURE.md, Handlers, event {event}:\n  documented {documented.get(event)}\n"
            f"  registered {registered.get(event)}")


def test_a_priority_other_than_zero_says_why_in_the_table():
    """Ours order against another project's plugin only, and the table says which."""
    section = ARCHITECTURE.read_text(encoding="utf-8").split("\n## Handlers\n", 1)[1]
    for event, entries in documented_handlers().items():
        for name, priority in entries:
            if name.startswith("help-") and priority:
                assert re.search(rf"{re.escape(name)} \({priority}: \w", section), (event, name)
