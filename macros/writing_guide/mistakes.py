"""The writing guide's table of mistakes and what the build says (writer_mistakes.yml)."""

from pathlib import Path

from macros import yaml_places

MISTAKES_FILE = Path(__file__).parent.parent / "writer_mistakes.yml"


def load():
    return yaml_places.load(MISTAKES_FILE.read_text(encoding="utf-8"))


def table_cell(text):
    """Text that stays inside one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def code_cell(text):
    """Text shown as code in a table cell, whatever backticks it contains."""
    return f"`` {table_cell(text)} ``"


def mistakes_table():
    """A Markdown table: mistake, the start of what the build says, how to fix it."""
    rows = ["| Mistake | The build says | Fix |", "| --- | --- | --- |"]
    rows += [f"| {table_cell(m['mistake'])} | {code_cell(m['says'])} | {table_cell(m['fix'])} |"
             for m in load()]
    return "\n".join(rows)
