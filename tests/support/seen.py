"""What the reader sees: one rule, and the scripts that read a guide page with it.

Shown means rendered and visible: a box (no `display: none` on the way up), not inside content
that is skipped (`content-visibility: hidden` on an ancestor, as `hidden="until-found"` sets),
not invisible or fully transparent, and with its own content rendered (an element that is itself
`hidden="until-found"` keeps its box, with nothing drawn in it). Chromium and WebKit agree on it
(tests/test_webkit.py). Every test that asks whether the reader sees something asks `SHOWN`,
through the scripts below or `reading()`.

The scripts run the same in both engines: a reader's `run` (readers.py) or Playwright's
`page.evaluate`.
"""

SHOWN = """(el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
  && getComputedStyle(el).contentVisibility !== 'hidden'"""
# An element's own words as the reader reads them: the text of its shown parts, without its
# nested lists, its "Only if …" label, boxes inside it and a heading's permalink; whitespace
# collapsed.
OWN_WORDS = """(el) => {
  const apart = 'ol, ul, .situation__label, .admonition, a.headerlink';
  let words = '';
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const part = node.parentElement;
    const set = part.closest(apart);
    if ((set && set !== el && el.contains(set)) || !shown(part)) continue;
    words += node.textContent;
  }
  return words.replace(/\\s+/g, ' ').trim();
}"""


def reading(script):
    """`script` (a JavaScript function) with `shown(el)` and `ownWords(el)` in scope."""
    return (f"(...args) => {{ const shown = {SHOWN}; const ownWords = {OWN_WORDS}; "
            f"return ({script})(...args); }}")


# Everything a guide shows a reader, in one call, every collapsible box opened first:
# - steps: each visible Step heading (h2.step) with its id, its words ("Step 1: …") and its
#   visible actions: as the generator counts them (macros/situations/progress_steps.py), the items
#   of every numbered list from the heading up to the next h1 or h2 that is not inside a list
#   item or a box, each [number shown, own words, 0]; each followed by the visible items of the
#   lists inside it, [number shown (null in a bulleted list), own words, 1];
# - stray: the own words of visible actions under a Step heading the reader doesn't see;
# - numbering: the numbers shown in each visible numbered list of the Step sections, each
#   [the id of its Step heading, [numbers]];
# - toc: the ids the visible table of contents links to;
# - boxes: the visible boxes (admonitions) of the article, each [title, all its words];
# - blocks: every visible heading, paragraph, list item and box title of the article (outside
#   the picker) in document order, as [tag, id, own words];
# - labels: the visible "Only if …" labels, each [label, own words of the part it labels];
# - parts: for each conditional part of the article (.situation, in document order), whether the
#   reader sees it; ticks: how many "done" boxes the reader sees;
# - legends, checked, summary: the picker's questions, its chosen answers and its summary line.
READ_GUIDE = reading("""() => {
  const article = document.querySelector('article');
  // As a reader who opens every collapsible box: for a reader with a situation, what comes
  // before the first Step is folded into one (issue 24), and it is still on their path.
  article.querySelectorAll('details:not([open])').forEach((box) => { box.open = true; });
  const picker = article.querySelector('.situation-picker');
  const number = (li) => li.parentElement.tagName !== 'OL' ? null
    : li.hasAttribute('value') ? li.value : [...li.parentElement.children].indexOf(li) + 1;
  const steps = [], stray = [], numbering = [];
  let step = null, inStep = false;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode(); el; el = walker.nextNode()) {
    if (/^H[12]$/.test(el.tagName)) {
      inStep = el.tagName === 'H2' && el.classList.contains('step');
      step = inStep && shown(el) ? {id: el.id, title: ownWords(el), actions: []} : null;
      if (step) steps.push(step);
    } else if (inStep && el.tagName === 'OL' && !el.parentElement.closest('li, .admonition')) {
      for (const ol of [el, ...el.querySelectorAll('ol')]) {
        const numbers = [...ol.children].filter(shown).map(number);
        if (shown(ol)) numbering.push([step && step.id, numbers]);
      }
      for (const li of el.querySelectorAll('li')) {
        if (!shown(li)) continue;
        if (!step) stray.push(ownWords(li));
        else step.actions.push([number(li), ownWords(li), li.parentElement === el ? 0 : 1]);
      }
    }
  }
  const blocks = [...article.querySelectorAll('h1, h2, h3, h4, p, li, .admonition-title')]
    .filter((el) => shown(el) && !(picker && picker.contains(el))
            && !el.classList.contains('situation__label'))
    .map((el) => [el.tagName.toLowerCase(), el.id || '', ownWords(el)]);
  const summary = document.querySelector('[data-situation-summary]');
  const labels = [...article.querySelectorAll('.situation__label')].filter(shown)
    .map((label) => [label.textContent.trim(), ownWords(label.closest('.situation'))]);
  return {
    steps, stray, numbering, blocks, labels,
    parts: [...article.querySelectorAll('.situation')].map(shown),
    ticks: [...article.querySelectorAll('input[type=checkbox]')].filter(shown).length,
    toc: [...document.querySelectorAll('.md-nav--secondary a.md-nav__link')].filter(shown)
      .map((a) => a.hash.slice(1)),
    boxes: [...article.querySelectorAll('.admonition-title')].filter(shown)
      .map((title) => [ownWords(title), ownWords(title.closest('.admonition'))]),
    legends: [...document.querySelectorAll('.situation-picker legend')]
      .map((legend) => legend.textContent.replace(/\\s+/g, ' ').trim()),
    checked: Object.fromEntries([...document.querySelectorAll('.situation-picker :checked')]
      .map((radio) => [radio.name, radio.value])),
    summary: summary ? summary.textContent : null,
  };
}""")

# Whether any element matching a CSS selector is shown.
ANY_SHOWN = reading("(selector) => [...document.querySelectorAll(selector)].some(shown)")
# Whether an action (list item or paragraph) whose own words start with `text` is shown.
SHOWN_TEXT = reading("""(text) => [...document.querySelectorAll('article li, article p')]
  .some((el) => shown(el) && ownWords(el).startsWith(text))""")
# The "done" boxes a reader can see (issue 16), with their names and whether they are ticked.
READ_TICK_BOXES = reading("""() => [...document.querySelectorAll('article input[type=checkbox]')]
  .filter(shown).map((box) => [box.getAttribute('aria-label'), box.checked])""")
# The visible Step labels ("Only if …") of the article.
READ_LABELS = reading("""() => [...document.querySelectorAll('article .situation__label')]
  .filter(shown).map((label) => label.textContent)""")


def read_guide(page):
    """READ_GUIDE on a Playwright page."""
    return page.evaluate(READ_GUIDE)


def visible_steps(page):
    """[{id, title, actions: [[number shown, words], ...]}] of a Playwright page: the Step
    headings and their numbered actions (not the steps inside them) as the reader sees them."""
    return [{"id": step["id"], "title": step["title"],
             "actions": [[number, words] for number, words, depth in step["actions"] if depth == 0]}
            for step in read_guide(page)["steps"]]
