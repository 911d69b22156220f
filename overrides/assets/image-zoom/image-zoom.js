/* Tap or click an image to see it as large as the screen allows.

   The build (macros/writer_checks/images.py) puts each image of a page in a link to its own
   file, class "image-zoom": without this script, that link opens the file. With it, the file
   opens in a modal <dialog> over the page at its own size in pixels (at most twice the screen's
   width), which on a phone or beside a { width="300" } thumbnail is larger than on the page:
   readers scroll it with a finger, the mouse or the arrow keys. The image's alt text is the
   dialog's caption. The browser (a modal <dialog>) puts keyboard focus on its Close button, keeps
   it inside, closes it on Escape and gives focus back to the image's link; the Close button, or
   a tap or click anywhere on it, closes it too. The button's word is in the page's language (data-close, from
   macros/messages.yml). Loaded only on pages with such an image (overrides/main.html). */
(function () {
  "use strict";

  var closeWord = document.currentScript.getAttribute("data-close");
  var dialog, picture, caption;

  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "image-zoom-dialog";
    dialog.setAttribute("aria-labelledby", "image-zoom-caption");
    var bar = document.createElement("div");
    bar.className = "image-zoom-bar";
    caption = document.createElement("p");
    caption.id = "image-zoom-caption";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "image-zoom-close";
    close.textContent = closeWord;
    bar.append(caption, close);
    var frame = document.createElement("div");
    frame.className = "image-zoom-picture";
    picture = document.createElement("img");
    picture.alt = ""; // the caption says what it shows
    frame.append(picture);
    dialog.append(bar, frame);
    dialog.addEventListener("click", function () { dialog.close(); });
    document.body.append(dialog);
  }

  function open(link) {
    if (!dialog) makeDialog();
    var image = link.querySelector("img");
    // Without Material's #only-light / #only-dark, which would hide it in the other scheme.
    picture.src = link.href.split("#")[0];
    caption.textContent = image ? image.alt : "";
    dialog.showModal();
    dialog.scrollTo(0, 0);
  }

  document.querySelectorAll("a.image-zoom").forEach(function (link) {
    link.setAttribute("aria-haspopup", "dialog");
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.image-zoom") : null;
    var newTab = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (!link || newTab) return;
    event.preventDefault();
    open(link);
  });
})();
