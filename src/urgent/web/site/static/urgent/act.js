// The act page's buttons: copy the letter, print it. A file, not an inline script,
// so the Content-Security-Policy can forbid inline scripts everywhere.
"use strict";
(function () {
  var copy = document.getElementById("copy");
  var text = document.getElementById("letter-text");
  if (copy && text) {
    copy.addEventListener("click", function () {
      text.select();
      var done = function () { copy.textContent = copy.dataset.copied; };
      if (navigator.clipboard) { navigator.clipboard.writeText(text.value).then(done, done); } else { document.execCommand("copy"); done(); }
    });
  }
  var print = document.getElementById("print");
  if (print) {
    print.addEventListener("click", function () { window.print(); });
  }
})();
