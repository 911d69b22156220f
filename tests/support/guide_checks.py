"""The checks every guide gets in every situation, whatever it says: what seen.READ_GUIDE read
from a page must be a sound path. Each problem comes back as "file:line: what. Hint: how",
pointing at the guide's Markdown (the page or a shared step it includes)."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

from .where import heading_line, relative, text_line

STEP_NUMBER = re.compile(r"^\S+ (\d+)\b")  # "Step 2: …", "Schritt 2: …"
DONE = re.compile(r": (\d+) \S+ (\d+) \S+ \S+$")  # "…: 0 of 9 steps done", "…: 0 von 9 …"


class Guide:
    """A guide of a docs folder, for messages: where its words are written."""

    def __init__(self, docs_dir, src_uri, root=None):
        self.docs_dir = Path(docs_dir)
        self.src_uri = src_uri
        self.root = root or self.docs_dir.parent
        self.page = src_uri.removesuffix(".md") + ".html"

    def step(self, step_id):
        return heading_line(self.docs_dir, self.src_uri, step_id, self.root)

    def text(self, words):
        return text_line(self.docs_dir, self.src_uri, words, self.root)

    @property
    def file(self):
        return relative(self.docs_dir / self.src_uri, self.root)


def problems(guide, shown, situation):
    """What is wrong with a chosen path (`situation`, its query) as `shown`."""
    reader = f"readers of {guide.page}?{situation}"
    found = []
    numbers = [int(match.group(1)) if (match := STEP_NUMBER.match(step["title"])) else None
               for step in shown["steps"]]
    if numbers != list(range(1, len(numbers) + 1)):
        titles = "; ".join(step["title"] for step in shown["steps"])
        found.append(f"{guide.file}: {reader} see the Steps {titles}: not numbered 1, 2, 3 …. "
                     "Hint: number every Step heading in order (`## Step 2: …`); the site "
                     "renumbers the ones a reader sees.")
    for step in shown["steps"]:
        if not [words for _, words, depth in step["actions"] if depth == 0]:
            found.append(f"{guide.step(step['id'])}: {reader} see '{step['title']}' with no "
                         "action under it. Hint: put the heading inside the situation(...) of "
                         "its actions, or add an action for these readers.")
    for step_id, listed in shown["numbering"]:
        if listed != list(range(1, len(listed) + 1)):
            found.append(f"{guide.step(step_id) if step_id else guide.file}: {reader} see a "
                         f"numbered list of this Step counting {', '.join(map(str, listed))}. "
                         "Hint: keep a list's items together: a blank line, a box or a "
                         "paragraph between two items starts a new list.")
    for words in shown["stray"]:
        found.append(f"{guide.text(words)}: {reader} see the action '{words}' under a Step "
                     "heading they don't see. Hint: give the action the situation(...) of its "
                     "heading, or the heading its action's.")
    for label, words in shown["labels"]:
        found.append(f"{guide.text(words)}: {reader} see the label '{label}' on their own path. "
                     "Hint: a label shows only when every situation is shown; a part written "
                     "apart from its list (after a blank line) may keep its label.")
    actions = sum(1 for step in shown["steps"] for _, _, depth in step["actions"] if depth == 0)
    if shown["ticks"] != actions:
        found.append(f"{guide.file}: {reader} see {shown['ticks']} \"done\" boxes for {actions} "
                     "actions. Hint: every numbered action of a Step section gets one.")
    # A situation with no steps (a guide that isn't for this reader says so) shows the situation
    # alone, without "0 of 0 steps done".
    done = DONE.search(shown["summary"] or "")
    if (int(done.group(2)) if done else None) != (actions or None):
        found.append(f"{guide.file}: {reader} read '{shown['summary']}' above the steps, for "
                     f"{actions} actions. Hint: the summary counts the actions of the Step "
                     "sections they see, and leaves the count out where there are none.")
    return found


def conditional_parts(html):
    """Each conditional part of a built guide's article in document order: (its own words, its
    condition as written in the page, e.g. 'mfa="app sms"')."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    parts = []
    for part in article.select(".situation"):
        copy = BeautifulSoup(str(part), "html.parser")
        for extra in copy.select(".situation__label, ol, ul, .admonition, .situation .situation"):
            extra.decompose()
        words = " ".join(copy.get_text(" ").split())
        condition = " ".join(f'{name[5:]}="{value}"' for name, value in part.attrs.items()
                             if name.startswith("data-") and name != "data-step-id")
        parts.append((words, condition))
    return parts


def never_shown(guide, html, shown_by_situation):
    """Parts of the guide that no reader sees, in any situation: `shown_by_situation` holds
    READ_GUIDE's `parts` for every possible situation."""
    parts = conditional_parts(html)
    found = []
    for index, (words, condition) in enumerate(parts):
        if not any(shown[index] for shown in shown_by_situation):
            found.append(f"{guide.text(words) if words else guide.file}: no reader of "
                         f"{guide.page} sees '{words[:60]}' ({condition}), in any situation. "
                         "Hint: its condition and the ones around it can't all hold at once "
                         "(or only for combinations that can't happen, macros/situations.yml "
                         "`impossible`): check the values of its situation(...) or only(...).")
    return found
