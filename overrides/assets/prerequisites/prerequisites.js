/* The first Step within reach (issue 24): on a guide opened with a situation chosen (the picker
 * folded to its summary), what comes between the picker and the first Step heading folds into
 * one collapsible box under its heading, so that on a phone the first Step starts within 1.5
 * screens. A first-time reader still sees the cautions there (every admonition stays out of the
 * box); a returning reader (one with ticks on this guide: they have been through it) gets the
 * cautions folded too.
 *
 * The box is Material's own collapsible block (`<details>`, styled as pymdownx.details makes
 * it): Material opens it when a link or the table of contents targets something inside, and
 * for printing; find-in-page opens it too. Its summary counts what is inside for the reader's
 * situation ("3 more things to prepare"), in the page's language (macros/messages.yml, through
 * situations.js's say()).
 *
 * What lies before the first Step can sit at more than one level: a guide may put its Steps
 * and what they need inside one conditional block (`situation(...)`), so a box is made at each
 * level that has something to fold, inside the same block (its conditions still apply).
 *
 * Built on the first "situations:rendered" event (loaded in <head> after progress.js, which has
 * then put back the reader's ticks), in the same task as the page's first render, so nothing
 * moves after the first paint. Without JavaScript, or without a situation, nothing folds.
 */
(function () {
  "use strict";
  var say = window.situationSay;
  var root = document.documentElement;
  var boxes = [];
  var returning = false;

  /* Kept out of the box: section headings (the table of contents and the reader's eye land
     on them), a conditional block's own label, the picker's print note; and, for a first
     visit, every caution (admonition). */
  function staysOut(el) {
    return el.tagName === "H2" || el.matches(".situation__label, .situation-print-note") ||
      (!returning && (el.matches(".admonition") || Boolean(el.querySelector(".admonition"))));
  }

  /* Each level's blocks before the first Step heading (in document order after the picker,
     shown in this situation or not, so that a change of answers later shows the right ones):
     [{ blocks, before }], where `before` is the element at that level that is or holds it. */
  function levelsBeforeTheFirstStep(picker) {
    var first = [].filter.call(document.querySelectorAll("article h2.step"), function (h) {
      return Boolean(picker.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    })[0];
    var levels = [];
    var el = picker.nextElementSibling;
    while (first && el) {
      var blocks = [];
      while (el && !el.contains(first)) {
        if (!staysOut(el)) blocks.push(el);
        el = el.nextElementSibling;
      }
      if (!el) break;
      levels.push({ blocks: blocks, before: el });
      el = el === first ? null : el.firstElementChild;
    }
    return levels;
  }

  function count(box) {
    var shown = [].filter.call(box.children, function (el) {
      return el.tagName !== "SUMMARY" && !el.hidden;  /* situations.js hides with hidden= */
    }).length;
    box.querySelector("summary").textContent =
      say(returning ? "to_prepare" : "more_to_prepare", { count: shown }, shown);
    box.style.display = shown ? "" : "none";  /* Material's details styles outrank [hidden] */
  }

  function fold() {
    var picker = document.querySelector("article .situation-picker");
    if (!picker || !root.classList.contains("situations-folded")) return;
    returning = document.querySelector("article .progress__box:checked") !== null;
    levelsBeforeTheFirstStep(picker).forEach(function (level) {
      if (!level.blocks.length) return;
      var box = document.createElement("details");
      box.className = "prerequisites-fold";
      box.appendChild(document.createElement("summary"));
      level.blocks.forEach(function (el) { box.appendChild(el); });
      level.before.parentNode.insertBefore(box, level.before);
      boxes.push(box);
      count(box);
    });
  }

  /* Later renders (the reader changes answers): each box counts again; "Show every situation"
     (no situation on <html>) asks to see everything, so the boxes open. */
  var started = false;
  document.addEventListener("situations:rendered", function () {
    if (!started) fold();
    else boxes.forEach(function (box) {
      count(box);
      if (!root.hasAttribute("data-situation")) box.open = true;
    });
    started = true;
  });
})();
