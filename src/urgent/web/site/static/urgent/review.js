// The review screen's "show in text" links. A file, not an inline script: the
// Content-Security-Policy forbids inline scripts, and an inline one here never ran.
"use strict";
/* "Show in text": highlight every piece of the span, scroll it into view and focus it;
   Escape in the text goes back to the link. Without JavaScript the link still jumps. */
(function () {
  var text = document.getElementById("doc-text"), last = null;
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.show-source");
    if (!link) { return; }
    var n = link.getAttribute("data-span"), first = document.getElementById("span-" + n);
    if (!first) { return; }
    event.preventDefault();
    text.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    text.querySelectorAll('mark[data-span="' + n + '"]').forEach(function (m) { m.classList.add("current"); });
    first.scrollIntoView({block: "center"});
    first.focus({preventScroll: true});
    last = link;
  });
  text.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && last) { last.focus(); }
  });
})();
