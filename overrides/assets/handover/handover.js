/* Help that goes with the reader (issue 24), on a guide:
 *
 * - "Continue on another device", under the picker's summary: a QR code and the link of this
 *   guide on the organization's site, with the reader's answers and, once they have ticked
 *   actions, the Step "Continue" would take them to. The codes are made at build time, one per
 *   situation and Step, a file per situation (macros/handover/qr_codes.py): no QR library here.
 *   Shown only where the site has an address (`site_url`) and the page is not read from disk
 *   (file://), where a link to copy would lead nowhere the other device can go.
 * - "Stuck here?" at the end of each Step: a mail draft to the organization's support (subject
 *   and body: guide, version, language, the answers in words, the Step, how much is done) and
 *   its phone as a tel: link; each left out when the profile has none. The draft opens in the
 *   reader's email app: nothing is sent until they send it (the privacy note says so).
 *
 * Loaded in <head> after situations.js and progress.js (overrides/main.html); everything is
 * built on the first "situations:rendered" event, in the same task as the page's first render,
 * so nothing moves after the first paint. Its data are its script element's data- attributes
 * (macros/handover/script_data.py); its words, the page language's messages (macros/messages.yml,
 * through situations.js's say()).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var data = script.dataset;
  var say = window.situationSay;
  var registry = window.situationRegistry;
  var reachable = Boolean(data.pageUrl) && /^https?:$/.test(location.protocol);
  var toggle, panel, code, link, copy, hint;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    if (tag === "button") el.type = "button";
    return el;
  }

  function words(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* ---- Where the reader is --------------------------------------------------------------- */

  /* The reader's situation: the codes' folder name is its token, as situations.js puts it on
     <html data-situation> ("app.icloud.iphone", "-" for a question not asked; none when every
     situation is shown); the query is the answers the address carries, in the guide's order. */
  function situation() {
    var token = document.documentElement.getAttribute("data-situation");
    if (token === null) return { name: "all", query: "show=all" };
    var query = new URLSearchParams(location.search);
    return {
      name: token,
      query: registry.dimensions.filter(function (d) { return query.has(d.key); })
        .map(function (d) {
          return encodeURIComponent(d.key) + "=" + encodeURIComponent(query.get(d.key));
        }).join("&")
    };
  }

  /* The actions of the reader's path (not hidden, not a part a link revealed), as progress.js
     counts them. */
  function counted() {
    return [].filter.call(document.querySelectorAll("article li[data-step-id]"), function (item) {
      return !item.closest("[hidden], .situation--revealed");
    });
  }

  function ticked(item) {
    var box = item.querySelector(".progress__box");
    return Boolean(box && box.checked);
  }

  function stepOf(node) {
    var found = null;
    document.querySelectorAll("article h2.step").forEach(function (heading) {
      if (heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading;
    });
    return found;
  }

  /* The Step "Continue" would go to: the one of the first action not ticked yet, once any is
     ticked; none before the first tick and after the last. */
  function currentStep() {
    var actions = counted();
    if (!actions.some(ticked)) return null;
    var next = actions.filter(function (item) { return !ticked(item); })[0];
    return next ? stepOf(next) : null;
  }

  function address(place, step) {
    return data.pageUrl + "?" + place.query + (step ? "#" + step.id : "");
  }

  /* ---- Continue on another device --------------------------------------------------------- */

  function showCode() {
    var place = situation();
    var step = currentStep();
    var url = address(place, step);
    link.href = url;
    link.textContent = url;
    copy.setAttribute("data-clipboard-text", url);  /* Material's clipboard: "Copied" */
    hint.textContent = step ? say("other_device_scan_at", { step: words(step) })
      : say("other_device_scan");
    code.hidden = false;
    /* One file per situation; its fragment shows the code of the Step (macros/handover/). */
    code.src = data.qrFolder + encodeURIComponent(place.name) + ".svg#" +
      encodeURIComponent(step ? step.id : "start");
  }

  /* The code's image and the link, once the reader first asks for them (nothing is loaded
     before, and no link without an address sits in the page). */
  function addCode() {
    code = element("img", "handover__code");
    code.alt = say("qr_code_of_link");
    code.width = code.height = 200;
    /* No code (a site built without them, or offline): the link and Copy still work. */
    code.addEventListener("error", function () { code.hidden = true; });
    panel.insertBefore(code, hint);
    link = panel.insertBefore(element("p", "handover__link"), copy).appendChild(element("a"));
  }

  /* Material's "qrcode" icon (Material Design Icons, Apache 2.0), as the theme draws its own. */
  var QR_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M3 11h2v2H3zm8-6h2v4h-2zm-2 6h4v4h-2v-2H9zm6 0h2v2h2v-2h2v2h-2v2h2v4h-2v2h-2v-2' +
    'h-4v2h-2v-4h4v-2h2v-2h-2zm4 8v-4h-2v4zM15 3h6v6h-6zm2 2v2h2V5zM3 3h6v6H3zm2 2v2h2V5zM3 15' +
    'h6v6H3zm2 2v2h2v-2z"/></svg>';

  /* The button floats at the summary's first line, beside "Change" (progress.js), so the
     picker keeps its height; the panel opens under the summary. In the keyboard's order: the
     questions (when open), the button, then what it opens. */
  function addOtherDevice(picker) {
    toggle = element("button", "handover__toggle");
    toggle.innerHTML = QR_ICON;
    toggle.setAttribute("aria-label", say("other_device"));
    toggle.title = say("other_device");
    panel = element("div", "handover__panel");
    panel.id = "handover-panel";
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", panel.id);
    hint = panel.appendChild(element("p", "handover__hint"));
    copy = panel.appendChild(element("button", "md-button handover__copy", say("copy_link")));
    toggle.addEventListener("click", function () {
      var open = panel.hidden;
      if (open && !code) addCode();
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) showCode();
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      toggle.click();
      toggle.focus();
    });
    /* The code follows each tick while it is open. */
    document.addEventListener("change", function (event) {
      if (!panel.hidden && event.target.classList.contains("progress__box")) showCode();
    });
    var status = picker.querySelector("[role=status]");
    picker.insertBefore(toggle, status);
    picker.insertBefore(panel, status.nextSibling);
  }

  /* ---- Stuck here? ------------------------------------------------------------------------ */

  /* "- How do you do MFA today? Authenticator app", one line per question of the picker. */
  function answers() {
    var picker = document.querySelector(".situation-picker");
    if (situation().name === "all") return "- " + say("every_situation");
    return [].map.call(picker.querySelectorAll("fieldset"), function (fieldset) {
      var question = words(fieldset.querySelector("legend"));
      var checked = fieldset.querySelector("input:checked");
      var answer = checked ? words(checked.closest("label")) : "";
      return "- " + question + (/[?:]$/.test(question) ? " " : ": ") + answer;
    }).join("\n");
  }

  function draft(heading) {
    var actions = counted();
    var place = situation();
    var guide = words(document.querySelector("article h1"));
    var step = words(heading);
    var fields = {
      contact: data.contact, guide: guide, step: step,
      done: actions.filter(ticked).length, total: actions.length, answers: answers(),
      language: say("language_name"), version: data.release || say("no_release"),
      reviewed: data.reviewed || "–",
      link: data.pageUrl ? address(place, heading) : "–"
    };
    /* RFC 6068: line breaks as CRLF, every special character percent-encoded. */
    return "mailto:" + data.email +
      "?subject=" + encodeURIComponent(say("stuck_subject", fields)) +
      "&body=" + encodeURIComponent(say("stuck_body", fields).replace(/\n/g, "\r\n"));
  }

  /* Where a Step ends: before the next element that is or holds a heading of its level, else
     at the end of the Step's own block (a Step for some situations sits in one). */
  function endOf(heading) {
    var next = heading.nextElementSibling;
    while (next && !(next.tagName === "H2" || next.querySelector("h2"))) {
      next = next.nextElementSibling;
    }
    return next;
  }

  function addStuckHere(heading) {
    var line = element("p", "handover__stuck");
    line.appendChild(element("strong", "", say("stuck_here")));
    if (data.email) {
      line.appendChild(document.createTextNode(" "));
      var mail = line.appendChild(element("a", "", say("stuck_write", { contact: data.contact })));
      mail.href = "mailto:" + data.email;
      /* Filled in as it is followed (and when it gets focus, for the status bar): the answers
         and ticks then are the reader's latest. */
      ["focus", "mouseenter", "click"].forEach(function (type) {
        mail.addEventListener(type, function () { mail.href = draft(heading); });
      });
    }
    if (data.tel) {
      line.appendChild(document.createTextNode(" " + (data.email ? say("stuck_or") + " " : "")));
      var call = line.appendChild(element("a", "", say("stuck_call", { phone: data.phone })));
      call.href = data.tel;
    }
    heading.parentNode.insertBefore(line, endOf(heading));
  }

  function setUp() {
    var picker = document.querySelector(".situation-picker");
    if (picker && reachable) addOtherDevice(picker);
    if (data.email || data.tel) document.querySelectorAll("article h2.step").forEach(addStuckHere);
  }

  var started = false;
  document.addEventListener("situations:rendered", function () {
    if (!started) setUp();
    else if (panel && !panel.hidden) showCode();
    started = true;
  });
})();
