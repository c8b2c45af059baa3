// Accessible names for what select2 (the admin's autocomplete) draws, and its clear button
// kept out of its list, so axe-core finds nothing on the secretariat's pages. select2 draws
// and redraws these elements itself, so they are fixed as they appear.
(function () {
  "use strict";

  function nameOf(select) {
    if (select.getAttribute("aria-label")) {
      return select.getAttribute("aria-label");
    }
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function fix(container) {
    var select = container.previousElementSibling;
    if (!select || select.tagName !== "SELECT") {
      return;
    }
    var name = nameOf(select);
    container.querySelectorAll('[role="combobox"], [role="textbox"], .select2-search__field').forEach(function (el) {
      if (name && el.getAttribute("aria-label") !== name) {
        el.setAttribute("aria-label", name);
      }
    });
    container.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear")
      .forEach(function (clear) {
        clear.parentNode.parentNode.insertBefore(clear, clear.parentNode);
      });
  }

  function fixAll(root) {
    (root.querySelectorAll ? root : document).querySelectorAll(".select2-container").forEach(fix);
  }

  document.addEventListener("DOMContentLoaded", function () {
    fixAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        var target = mutation.target.closest ? mutation.target.closest(".select2-container") : null;
        if (target) {
          fix(target);
        }
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            if (node.classList.contains("select2-container")) {
              fix(node);
            } else {
              fixAll(node);
            }
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
