// Keyboard: "/" focuses the search field; ↓/↑ move through the suggestions under it; ←/→ open the
// previous/next element (the page's rel="prev"/"next" links). Never while typing in a field.
(function () {
  "use strict";
  function typing(t) { return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable); }
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (e.key === "/" && !typing(t)) {
      var q = document.getElementById("q") || document.getElementById("q-top");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
      return;
    }
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && t.closest && t.closest(".quick")) {
      var links = Array.prototype.slice.call(t.closest(".quick").querySelectorAll(".suggest a"));
      if (!links.length) return;
      var i = links.indexOf(document.activeElement);
      var next = e.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
      e.preventDefault();
      if (next < 0) t.closest(".quick").querySelector("input").focus(); else links[next].focus();
      return;
    }
    if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && !typing(t) && !e.shiftKey) {
      var a = document.querySelector(e.key === "ArrowLeft" ? "a[rel=prev]" : "a[rel=next]");
      if (a) { e.preventDefault(); window.location.href = a.href; }
    }
  });
})();
