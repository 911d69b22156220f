/* "Your situation": show only the steps that apply to the reader's choice.
 *
 * Loaded in <head> (overrides/main.html) after `situationRegistry` (macros/situations.yml), so
 * the choice is on <html> before the first paint and the CSS rules written beside it hide the
 * other sections at once. Once the page is parsed, hidden sections get hidden="until-found" so
 * that find-in-page and links can still reach them.
 *
 * The registry is this guide's: only the dimensions it asks, in its order, with its default.
 * Answers are remembered per dimension for the whole site (localStorage), so an answer given on
 * one guide is preselected on every other guide that asks the same dimension.
 *
 * Per dimension: the URL query (?mfa=sms&transfer=icloud&from=iphone, or ?show=all) wins, then
 * the remembered answer, then the guide's default. Only answers are remembered: a default the
 * reader never changed is not, so another guide's default still applies there. The URL shows
 * the whole choice; history.state records which of its values were defaults, so a reload does
 * not turn them into answers. Query values are only ever compared with the registry's keys:
 * nothing from the URL is written into the page.
 *
 * A question may be asked only if earlier answers make it relevant (`asked_if` in the registry,
 * e.g. "what is protected" only on the employee's own iPhone): otherwise its question is hidden,
 * it is not in the URL, and conditions on it hold for none of its values. Its value is kept, so
 * it comes back when the answer that makes it relevant does.
 *
 * A section written with any=[...] carries data-situations, the tokens of the situations it is
 * for ("app.icloud.iphone", "-" for a question not asked), instead of one attribute per question.
 *
 * Every word shown comes from the registry in the page's language: the values' phrases, the
 * reasons, and `texts` (macros/messages.yml, group `browser`), through say(), which progress.js
 * uses too (window.situationSay). Stored answers are keys, so they carry over between languages.
 *
 * Links from the guide to other pages of the site carry the reader's answers in their query
 * (carryAnswers), so a guide that hands over to another opens it in the same situation.
 */
(function () {
  "use strict";
  var registry = window.situationRegistry;
  var STORAGE_KEY = "work-phone-help.situation";
  var SHOW_ALL = "show";
  var root = document.documentElement;
  var dimensions = registry.dimensions;
  /* choice: what the page shows; answered: the dimensions the reader (or a link) chose. */
  var state = { all: false, choice: {}, answered: {} };
  var note = "";

  /* A message of the page's language with its {names} filled in; `count` picks one/other. */
  function say(name, fields, count) {
    var text = registry.texts[name];
    if (typeof text === "object") text = text[count === 1 ? "one" : "other"];
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : all;
    });
  }
  window.situationSay = say;

  function isValue(key, value) {
    return dimensions.some(function (d) {
      return d.key === key && Object.prototype.hasOwnProperty.call(d.values, value);
    });
  }

  /* The choice as the reader is asked it: a question whose `asked_if` the answers before it
     don't meet is left out. */
  function asked(choice) {
    var effective = Object.create(null);
    dimensions.forEach(function (d) {
      var relevant = !d.asked_if || Object.keys(d.asked_if).every(function (k) {
        return d.asked_if[k].indexOf(effective[k]) >= 0;
      });
      if (relevant) effective[d.key] = choice[d.key];
    });
    return effective;
  }

  /* One word for the situation, as macros/situations/registry.py's Registry.token writes it. */
  function token(choice) {
    var effective = asked(choice);
    return dimensions.map(function (d) {
      return d.key in effective ? effective[d.key] : "-";
    }).join(".");
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* The remembered answers as {all, choice: {key: value}}. Storage that is blocked, unreadable or
     of another shape (damaged, or written by something else) reads as nothing remembered, and
     the next store() writes it back in this shape. */
  function readStored() {
    var stored = null;
    try {
      stored = JSON.parse(localStorage.getItem(STORAGE_KEY));
    } catch (error) { /* blocked or not JSON */ }
    if (!isPlainObject(stored)) return { all: false, choice: {} };
    return { all: stored.all === true, choice: isPlainObject(stored.choice) ? stored.choice : {} };
  }

  /* Merge this guide's answers into the site-wide ones; other guides' dimensions are kept. */
  function store() {
    var answers = readStored().choice;
    var effective = asked(state.choice);
    dimensions.forEach(function (d) {
      if (state.answered[d.key] && d.key in effective) answers[d.key] = state.choice[d.key];
    });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(
        state.all ? { all: true, choice: answers } : { choice: answers }));
    } catch (error) { /* storage blocked: the choice lasts for this page only */ }
  }

  function ruleAgainst(choice) {
    var effective = asked(choice);
    return registry.impossible.filter(function (rule) {
      return Object.keys(rule.when).every(function (k) { return effective[k] === rule.when[k]; });
    })[0];
  }

  /* Resolve impossible combinations as the registry says; return why, if anything changed. */
  function makePossible(choice) {
    var rule, because = "";
    while ((rule = ruleAgainst(choice))) {
      because = rule.because;
      Object.keys(rule.instead).forEach(function (k) { choice[k] = rule.instead[k]; });
    }
    return because;
  }

  /* A link asking for a value of the guide that this organization's build leaves out (e.g.
   * ?mfa=none where MFA always needs a second device): say so, and what is shown instead. */
  function notOfferedNote(query, choice) {
    var leftOut = registry.not_offered || {};
    var parts = dimensions.filter(function (d) {
      var wanted = query.get(d.key);
      return wanted !== null && !isValue(d.key, wanted) && leftOut[d.key] &&
        Object.prototype.hasOwnProperty.call(leftOut[d.key], wanted);
    }).map(function (d) {
      return say("not_offered", { organization: registry.organization,
        value: leftOut[d.key][query.get(d.key)], instead: d.values[choice[d.key]] });
    });
    return parts.join(" ");
  }

  /* Dimensions whose value in the URL is a default this script wrote there (see updateUrl). */
  function defaultsInUrl() {
    var written = history.state && history.state.situationDefaults;
    return Array.isArray(written) ? written : [];
  }

  function initialState() {
    var query = new URLSearchParams(location.search);
    var stored = readStored();
    var defaults = defaultsInUrl();
    var fromQuery = {};
    dimensions.forEach(function (d) {
      if (isValue(d.key, query.get(d.key))) fromQuery[d.key] = query.get(d.key);
    });
    var linked = Object.keys(fromQuery).length > 0;
    var choice = {};
    var answered = {};
    dimensions.forEach(function (d) {
      var storedValue = stored.choice[d.key];
      if (fromQuery[d.key] && defaults.indexOf(d.key) < 0) {
        choice[d.key] = fromQuery[d.key];
        answered[d.key] = true;
      } else if (isValue(d.key, storedValue)) {
        choice[d.key] = storedValue;
        answered[d.key] = true;
      } else {
        choice[d.key] = fromQuery[d.key] || registry.default[d.key];
      }
    });
    var because = makePossible(choice);
    if (because && linked) {
      note = say("impossible_link", { because: because });
    }
    var notOffered = notOfferedNote(query, choice);
    if (notOffered) note = notOffered + (note ? " " + note : "");
    var all = query.get(SHOW_ALL) === "all" || (!linked && stored.all === true);
    /* A reader who arrives with a situation (IT's link, or every question of this guide
       answered before) sees the picker folded to its summary and a "Change" button
       (progress.js); decided here, before the first paint. */
    var effective = asked(choice);
    root.classList.toggle("situations-folded", all || dimensions.every(function (d) {
      return answered[d.key] || !(d.key in effective);
    }));
    return { all: all, choice: choice, answered: answered };
  }

  function phrase(choice) {
    var effective = asked(choice);
    return dimensions.filter(function (d) { return d.key in effective; })
      .map(function (d) { return d.values[choice[d.key]]; }).join(" · ");
  }

  function markRoot() {
    root.classList.add("situations");
    /* On a chosen path the labels would only repeat the reader's answer (situations.css). */
    root.classList.toggle("situations--chosen", !state.all);
    var effective = asked(state.choice);
    /* A question not asked is "": overrides/main.html hides it and what depends on it. */
    dimensions.forEach(function (d) {
      if (state.all) root.removeAttribute("data-situation-" + d.key);
      else root.setAttribute("data-situation-" + d.key, d.key in effective ? effective[d.key] : "");
    });
    if (state.all) root.removeAttribute("data-situation");
    else root.setAttribute("data-situation", token(state.choice));
  }

  function applies(element) {
    if (state.all) return true;
    var tokens = element.getAttribute("data-situations");
    if (tokens !== null) return tokens.split(" ").indexOf(token(state.choice)) >= 0;
    var effective = asked(state.choice);
    return dimensions.every(function (d) {
      var values = element.getAttribute("data-" + d.key);
      return values === null || (d.key in effective &&
        values.split(" ").indexOf(effective[d.key]) >= 0);
    });
  }

  function updateUrl() {
    var query = new URLSearchParams(location.search);
    var effective = asked(state.choice);
    dimensions.forEach(function (d) {
      if (state.all || !(d.key in effective)) query.delete(d.key);
      else query.set(d.key, state.choice[d.key]);
    });
    if (state.all) query.set(SHOW_ALL, "all");
    else query.delete(SHOW_ALL);
    var search = query.toString();
    var historyState = Object.assign({}, history.state, {
      situationDefaults: dimensions.filter(function (d) { return !state.answered[d.key]; })
        .map(function (d) { return d.key; })
    });
    try {
      history.replaceState(historyState, "",
        location.pathname + (search ? "?" + search : "") + location.hash);
    } catch (error) { /* some browsers refuse on file://: the page still works */ }
  }

  /* ---- After parsing: the page itself --------------------------------------------------- */

  var sections, picker;

  function renumber() {
    var lists = [];
    sections.forEach(function (section) {
      var list = section.parentElement;
      if (section.tagName === "LI" && list.tagName === "OL" && lists.indexOf(list) < 0) {
        lists.push(list);
      }
    });
    lists.forEach(function (list) {
      var number = list.start || 1;
      Array.prototype.forEach.call(list.children, function (item) {
        if (item.hidden) item.removeAttribute("value");
        else item.value = number++;
      });
    });
  }

  /* The element id a #hash names; "" for a hash that is not valid percent-encoding (#100%),
     which names nothing here. */
  function idOf(hash) {
    try {
      return decodeURIComponent(hash.slice(1));
    } catch (error) {
      return "";
    }
  }

  function updateTableOfContents() {
    document.querySelectorAll(".md-nav a.md-nav__link[href^='#']").forEach(function (link) {
      var id = idOf(link.hash);
      var target = id && document.getElementById(id);
      var hidden = target && target.closest(".situation[hidden]");
      link.parentElement.hidden = Boolean(hidden);
    });
  }

  /* "Step 2: Power on …" reads "Step 1: …" when the path skips Step 1 (here and in the TOC);
     "Schritt 2: …" on a German page. */
  function renumberStepHeadings() {
    var number = 1;
    var stepNumber = new RegExp("^(\\s*" + say("step_word").replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
      " )\\d+");
    document.querySelectorAll("article h2.step").forEach(function (heading) {
      if (heading.closest(".situation[hidden]")) return;
      var texts = [heading.firstChild];
      document.querySelectorAll(".md-nav a[href='#" + heading.id + "'] span").forEach(
        function (label) { texts.push(label.firstChild); });
      texts.forEach(function (text) {
        if (text && text.nodeType === Node.TEXT_NODE) {
          text.nodeValue = text.nodeValue.replace(stepNumber, "$1" + number);
        }
      });
      number += 1;
    });
  }

  function countVisible(selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (el) {
      return !el.closest(".situation[hidden]");
    }).length;
  }

  function describe() {
    var words = state.all ? say("every_situation") : phrase(state.choice);
    if (!document.querySelector("article h2.step")) return words;
    var steps = countVisible("article h2.step");
    if (!steps) return words;
    return say("step_count", { situation: words, count: steps }, steps);
  }

  /* A link from this guide to another page of the site carries the reader's answers (the
     ones they or a link gave, not defaults) in its query, so the next guide opens in the same
     situation even where storage is blocked. Only relative links to a page are touched, and a
     query the writer wrote stays as written (those links are left alone). */
  var PAGE_LINK = /^[^:?#]+\.html(#|$)/;
  function carryAnswers() {
    document.querySelectorAll("article a[href]").forEach(function (link) {
      var written = link.getAttribute("data-situation-href");
      if (written === null) {
        written = link.getAttribute("href");
        if (!PAGE_LINK.test(written)) return;
        link.setAttribute("data-situation-href", written);
      }
      var url = new URL(written, location.href);
      if (url.pathname === location.pathname) return;
      dimensions.forEach(function (d) {
        if (state.answered[d.key] && !state.all) url.searchParams.set(d.key, state.choice[d.key]);
      });
      link.href = url.href;
    });
  }

  function render() {
    markRoot();
    carryAnswers();
    sections.forEach(function (section) {
      section.classList.remove("situation--revealed");
      if (applies(section)) section.removeAttribute("hidden");
      else section.setAttribute("hidden", "until-found");
    });
    renumber();
    updateTableOfContents();
    renumberStepHeadings();
    if (!picker) return;
    dimensions.forEach(function (d) {
      picker.querySelectorAll("input[name='" + d.key + "']").forEach(function (radio) {
        var trial = Object.assign({}, state.choice);
        trial[d.key] = radio.value;
        var rule = ruleAgainst(trial);
        radio.checked = !state.all && state.choice[d.key] === radio.value;
        radio.disabled = Boolean(rule && d.key in rule.instead);
      });
    });
    var showAll = picker.querySelector("[data-situation-show-all]");
    showAll.setAttribute("aria-pressed", String(state.all));
    picker.querySelector("[data-situation-note]").textContent = note;
    picker.querySelector("[data-situation-summary]").textContent = describe();
    var printNote = document.querySelector("[data-situation-print-note]");
    if (printNote) {
      printNote.textContent = state.all ? say("print_every_situation")
        : say("print_for", { situation: phrase(state.choice) });
    }
  }

  /* Other features (progress.js) follow every change of what is shown through this event. */
  function rendered() {
    document.dispatchEvent(new CustomEvent("situations:rendered", { detail: {
      situation: state.all ? say("every_situation") : phrase(state.choice) } }));
  }

  function choose(change) {
    state.all = false;
    Object.assign(state.choice, change);
    Object.keys(change).forEach(function (key) { state.answered[key] = true; });
    var because = makePossible(state.choice);
    note = because ? say("choice_changed", { because: because }) : "";
    commit();
  }

  function commit() {
    store();
    updateUrl();
    render();
    rendered();
  }

  /* A link, a search result or find-in-page reached a hidden section: show it, say whose it is. */
  function reveal(section) {
    section.removeAttribute("hidden");
    section.classList.add("situation--revealed");
    renumber();
    updateTableOfContents();
    renumberStepHeadings();
    var label = section.querySelector(".situation__label");
    note = say("revealed", {
      label: label ? label.textContent.replace(/:$/, "") : say("another_situation") });
    if (picker) picker.querySelector("[data-situation-note]").textContent = note;
    rendered();
  }

  function revealTarget() {
    var id = idOf(location.hash);
    var target = id && document.getElementById(id);
    if (!target) return;
    var hidden = target.closest(".situation[hidden]");
    if (!hidden) return;
    while (hidden) {
      reveal(hidden);
      hidden = target.closest(".situation[hidden]");
    }
    target.scrollIntoView();
  }

  /* Listeners first: whatever the address holds, the picker answers. */
  function listen() {
    window.addEventListener("hashchange", revealTarget);
    document.addEventListener("beforematch", function (event) {
      var section = event.target.closest(".situation");
      if (section) setTimeout(function () { reveal(section); });
    }, true);
    if (!picker) return;
    picker.addEventListener("change", function (event) {
      var change = {};
      change[event.target.name] = event.target.value;
      choose(change);
    });
    picker.querySelector("[data-situation-show-all]").addEventListener("click", function () {
      state.all = !state.all;
      note = "";
      commit();
    });
  }

  function start() {
    sections = document.querySelectorAll(".situation");
    picker = document.querySelector(".situation-picker");
    listen();
    render();
    rendered();
    root.classList.add("situations-ready");
    revealTarget();
  }

  state = initialState();
  markRoot();
  store();
  var begun = false;
  function begin() {
    if (begun) return;
    begun = true;
    updateUrl();
    start();
  }
  if (document.readyState === "loading") {
    /* overrides/main.html fires this right after the article, before Material's scripts: frames
       painted while those load then already show the summary (and the folded picker). */
    document.addEventListener("situations:article-parsed", begin);
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
