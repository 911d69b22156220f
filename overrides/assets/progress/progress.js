/* Progress through a guide: a "done" box on every action of the Step sections, "N of M steps
 * done" in the picker's summary, "Continue at step N", "Start over" with undo, and the "Change"
 * button of the picker, which situations.js folds (html.situations-folded) for a reader who
 * arrives with a situation already chosen.
 *
 * Actions carry data-step-id, a hash of their words made at build time (see
 * macros/situations/progress_steps.py): a tick stays with its action across reloads, situations
 * and new versions of the site, and is never carried onto another action when a text is edited. Ticks are kept per guide in
 * localStorage (nothing leaves the browser); if storage is blocked they last for the open page.
 *
 * Loaded in <head> after situations.js; everything is built on its first "situations:rendered"
 * event, in the same task as the page's first render, so nothing moves after the first paint.
 * Without JavaScript nothing here exists: no boxes, the guide as it is.
 *
 * Every word shown is a message of the page's language (macros/messages.yml, through
 * situations.js's say()). Ticks are keyed by the guide's path without its language folder, so
 * ticks made on the English guide show on the German one and back.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var FOLDED = "situations-folded";
  var KEY, actions, picker, summary, message, controls, continueLink, startOver, undoButton;
  var done = {};
  var undo = null;
  var situation = "";
  var firstRender = true;
  var toldNotKept = false;
  var say = window.situationSay;

  /* The page's path inside the site, so every version of the site shares the guide's ticks,
     and every language: the language's folder ("de/") is left out (data-language-root: the
     site's root, and for a language other than the source its folder in it). */
  var languageRoot = document.currentScript.getAttribute("data-language-root");
  function guidePath() {
    var path = location.pathname.slice(new URL(languageRoot + "/", location.href).pathname.length);
    try {
      return decodeURIComponent(path);
    } catch (error) {
      return path;  /* not valid percent-encoding: the key is the path as it is */
    }
  }

  /* The ticked ids: a list of strings. Storage that is blocked, unreadable or of another shape
     reads as no ticks, and the next save() writes it back as a list. */
  function load() {
    done = {};
    var ids = null;
    try {
      ids = JSON.parse(localStorage.getItem(KEY));
    } catch (error) { /* blocked or not JSON */ }
    if (!Array.isArray(ids)) return;
    ids.forEach(function (id) { if (typeof id === "string") done[id] = true; });
  }

  /* Whether the ticks are kept; if storage is blocked they last for this page only. */
  function save() {
    try {
      var ids = Object.keys(done);
      if (ids.length) localStorage.setItem(KEY, JSON.stringify(ids));
      else localStorage.removeItem(KEY);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* The action's own words, first sentence: its checkbox's accessible name. */
  function ownWords(item) {
    var copy = item.cloneNode(true);
    copy.querySelectorAll("ol, ul, .situation__label, .admonition, blockquote, details")
      .forEach(function (el) { el.remove(); });
    var text = copy.textContent.replace(/\s+/g, " ").trim();
    var sentence = text.match(/^.+?[.!?](?=\s|$)/);
    return (sentence ? sentence[0] : text).replace(/:$/, "");
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text) el.textContent = text;
    if (tag === "button") el.type = "button";
    return el;
  }

  function box(item) { return item.querySelector(".progress__box"); }

  function showTicks() {
    actions.forEach(function (item) {
      var ticked = done[item.getAttribute("data-step-id")] === true;
      box(item).checked = ticked;
      item.classList.toggle("progress--done", ticked);
    });
  }

  /* Only the actions of the chosen path count (not hidden ones, nor parts a link revealed). */
  function counted() {
    return actions.filter(function (item) {
      return !item.closest("[hidden], .situation--revealed");
    });
  }

  function update() {
    if (!summary || !actions.length) return;
    var shown = counted();
    var ticked = shown.filter(function (item) { return done[item.getAttribute("data-step-id")]; });
    var next = shown.filter(function (item) { return ticked.indexOf(item) < 0; })[0];
    /* A situation whose path has no steps (the guide says it isn't for that reader) shows the
       situation alone, not "0 of 0 steps done". */
    summary.textContent = shown.length ? say("steps_done",
      { situation: situation, done: ticked.length, total: shown.length }, shown.length) : situation;
    /* The row shows for a reader who returns with ticks, and then stays for the visit: ticking
       never adds or removes a line above the steps (WebKit has no scroll anchoring). */
    if (firstRender && ticked.length) controls.hidden = false;
    continueLink.style.visibility = ticked.length && next ? "" : "hidden";
    if (next) {
      continueLink.textContent = say("continue_at", { number: shown.indexOf(next) + 1 });
      continueLink.href = "#" + next.id;
    }
    startOver.hidden = Boolean(undo);  /* Undo takes its place */
    startOver.style.visibility = ticked.length ? "" : "hidden";
    undoButton.hidden = !undo;
  }

  function tell(text) { message.textContent = text; }

  function tick(item, ticked) {
    var id = item.getAttribute("data-step-id");
    if (ticked) done[id] = true;
    else delete done[id];
    undo = null;
    var kept = save();
    /* Said once, at the first tick the browser won't let us keep. */
    if (message) tell(kept || toldNotKept ? "" : say("ticks_not_kept"));
    toldNotKept = toldNotKept || !kept;
    showTicks();
    update();
  }

  function clearAll() {
    undo = done;
    done = {};
    save();
    showTicks();
    tell(say("ticks_cleared"));
    update();
    undoButton.focus();
  }

  function restore() {
    done = undo;
    undo = null;
    save();
    showTicks();
    tell(say("ticks_back"));
    update();
    startOver.focus();
  }

  /* The link scrolls to the first unticked action (never in a hidden part: those are not
     counted); its box then takes the focus, so the keyboard carries on from there. */
  function continueAt() {
    var target = document.getElementById(continueLink.hash.slice(1));
    if (target) setTimeout(function () { box(target).focus({ preventScroll: true }); });
  }

  function addBoxes() {
    actions.forEach(function (item) {
      var checkbox = element("input", "progress__box");
      checkbox.type = "checkbox";
      checkbox.setAttribute("aria-label", ownWords(item));
      checkbox.addEventListener("change", function () { tick(item, checkbox.checked); });
      if (!item.id) item.id = "done-" + item.getAttribute("data-step-id");
      item.insertBefore(checkbox, item.firstChild);
    });
  }

  /* "Change" opens and folds the questions; the rest lives under the summary. */
  function addControls(folded) {
    if (folded) {
      var change = element("button", "progress__change", say("change"));
      change.setAttribute("aria-expanded", "false");
      change.addEventListener("click", function () {
        change.setAttribute("aria-expanded", String(root.classList.toggle(FOLDED) === false));
      });
      picker.insertBefore(change, picker.firstChild);  /* floats at the end of the first line */
    }
    if (!actions.length) return;
    var status = picker.querySelector("[role=status]");
    message = status.insertBefore(element("p", "progress__note"), summary);
    controls = picker.appendChild(element("p", "progress__actions"));
    controls.hidden = true;
    continueLink = controls.appendChild(element("a", "progress__continue"));
    continueLink.addEventListener("click", continueAt);
    startOver = controls.appendChild(element("button", "progress__start-over", say("start_over")));
    startOver.addEventListener("click", clearAll);
    undoButton = controls.appendChild(element("button", "progress__undo", say("undo")));
    undoButton.addEventListener("click", restore);
  }

  function setUp() {
    var started = performance.now();
    actions = [].slice.call(document.querySelectorAll("article li[data-step-id]"));
    picker = document.querySelector(".situation-picker");
    summary = picker && picker.querySelector("[data-situation-summary]");
    KEY = "work-phone-help.progress:" + guidePath();
    load();
    addBoxes();
    showTicks();
    if (summary) addControls(root.classList.contains(FOLDED));
    var privacy = document.querySelector(".progress-privacy");
    if (privacy && actions.length) privacy.hidden = false;
    update();
    performance.measure("progress: ticks restored", { start: started });
  }

  document.addEventListener("situations:rendered", function (event) {
    situation = event.detail.situation;
    if (firstRender) setUp();
    else update();
    firstRender = false;
  });

  /* Another tab of the same guide ticked something. */
  window.addEventListener("storage", function (event) {
    if (firstRender || event.key !== KEY) return;
    load();
    showTicks();
    update();
  });
})();
