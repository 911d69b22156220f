/* Progress through a guide: a "done" box on every action of the Step sections, "N of M steps
 * done" in the picker's summary, "Continue at step N", "Start over" with undo, and the picker
 * folded to one line when the reader arrives with a situation already chosen.
 *
 * Actions carry data-step-id, a hash of their words made at build time (macros/progress_steps.py):
 * a tick stays with its action across reloads, situations and new versions of the site, and is
 * never carried onto another action when a text is edited. Ticks are kept per guide in
 * localStorage (nothing leaves the browser); if storage is blocked they last for the open page.
 * situations.js fires "situations:rendered" whenever what is shown changes; the count follows.
 * Without JavaScript nothing here exists: no boxes, the guide as it is.
 */
(function () {
  "use strict";
  var started = performance.now();
  var actions = [].slice.call(document.querySelectorAll("article li[data-step-id]"));
  if (!actions.length) return;
  var KEY = "work-phone-help.progress:" + guidePath();
  var done = {};
  var undo = null;
  var situation = "";
  var picker = document.querySelector(".situation-picker");
  var summary = picker && picker.querySelector("[data-situation-summary]");
  var message, controls, continueLink, startOver, undoButton, change;

  /* The page's path inside the site (version folders left out), from Material's __config. */
  function guidePath() {
    try {
      var base = JSON.parse(document.getElementById("__config").textContent).base;
      var root = new URL(base + "/", location.href).pathname;
      return decodeURIComponent(location.pathname.slice(root.length));
    } catch (error) {
      return location.pathname.split("/").pop();
    }
  }

  function load() {
    try {
      (JSON.parse(localStorage.getItem(KEY)) || []).forEach(function (id) { done[id] = true; });
    } catch (error) { /* storage blocked or unreadable: start with no ticks */ }
  }

  function save() {
    try {
      var ids = Object.keys(done);
      if (ids.length) localStorage.setItem(KEY, JSON.stringify(ids));
      else localStorage.removeItem(KEY);
    } catch (error) { /* storage blocked: the ticks last for this page only */ }
  }

  /* The action's own words, first sentence: its checkbox's accessible name. */
  function ownWords(item) {
    var copy = item.cloneNode(true);
    copy.querySelectorAll("ol, ul, .situation__label, .admonition, blockquote, details")
      .forEach(function (el) { el.remove(); });
    var text = copy.textContent.replace(/\s+/g, " ").trim();
    var sentence = text.match(/^.+?[.:!?](?=\s|$)/);
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
    var shown = counted();
    var ticked = shown.filter(function (item) { return done[item.getAttribute("data-step-id")]; });
    var next = shown.filter(function (item) { return ticked.indexOf(item) < 0; })[0];
    if (!summary) return;
    summary.textContent = situation + ": " + ticked.length + " of " + shown.length +
      (shown.length === 1 ? " step" : " steps") + " done";
    continueLink.hidden = !(ticked.length && next);
    if (next) {
      continueLink.textContent = "Continue at step " + (shown.indexOf(next) + 1);
      continueLink.href = "#" + next.id;
    }
    startOver.hidden = !ticked.length;
    undoButton.hidden = !undo;
    controls.hidden = continueLink.hidden && startOver.hidden && undoButton.hidden;
  }

  function say(text) { if (message) message.textContent = text; }

  function tick(item, ticked) {
    var id = item.getAttribute("data-step-id");
    if (ticked) done[id] = true;
    else delete done[id];
    undo = null;
    say("");
    save();
    showTicks();
    update();
  }

  function clearAll() {
    undo = done;
    done = {};
    save();
    showTicks();
    say("Your ticks on this guide are cleared.");
    update();
    undoButton.focus();
  }

  function restore() {
    done = undo;
    undo = null;
    save();
    showTicks();
    say("Your ticks are back.");
    update();
    startOver.focus();
  }

  /* Go to the first unticked action: open any closed <details> around it, then focus its box. */
  function continueAt() {
    var target = document.getElementById(continueLink.hash.slice(1));
    if (!target) return;
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    setTimeout(function () { box(target).focus({ preventScroll: true }); });
  }

  /* The picker folds to its summary and a "Change" button for a reader who has chosen before. */
  function fold(folded) {
    picker.classList.toggle("situation-picker--folded", folded);
    change.setAttribute("aria-expanded", String(!folded));
  }

  function buildControls() {
    var status = picker.querySelector("[role=status]");
    message = status.insertBefore(element("p", "progress__note"), summary);
    change = element("button", "progress__change", "Change");
    change.hidden = true;
    change.addEventListener("click", function () {
      fold(!picker.classList.contains("situation-picker--folded"));
    });
    controls = element("p", "progress__actions");
    continueLink = controls.appendChild(element("a", "progress__continue"));
    continueLink.addEventListener("click", continueAt);
    startOver = controls.appendChild(element("button", "progress__start-over", "Start over"));
    startOver.addEventListener("click", clearAll);
    undoButton = controls.appendChild(element("button", "progress__undo", "Undo"));
    undoButton.addEventListener("click", restore);
    picker.insertBefore(change, picker.firstChild);  /* floats at the end of the first line */
    picker.appendChild(controls);
  }

  load();
  actions.forEach(function (item) {
    var checkbox = element("input", "progress__box");
    checkbox.type = "checkbox";
    checkbox.setAttribute("aria-label", ownWords(item));
    checkbox.addEventListener("change", function () { tick(item, checkbox.checked); });
    if (!item.id) item.id = "done-" + item.getAttribute("data-step-id");
    item.insertBefore(checkbox, item.firstChild);
  });
  showTicks();
  if (summary) buildControls();

  var firstRender = true;
  document.addEventListener("situations:rendered", function (event) {
    situation = event.detail.situation;
    if (firstRender && picker) {
      change.hidden = !event.detail.arrivedWithChoice;
      if (event.detail.arrivedWithChoice) fold(true);
    }
    firstRender = false;
    update();
  });
  /* Another tab of the same guide ticked something. */
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY) return;
    done = {};
    load();
    showTicks();
    update();
  });
  performance.measure("progress: ticks restored", { start: started });
})();
