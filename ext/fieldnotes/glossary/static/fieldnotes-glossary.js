/* sphinx-fieldnotes glossary: show a term's definition on hover and keyboard focus.
 *
 * Each link to a glossary term carries its definition in its title attribute, so the page
 * works without this script (the browser shows the title; assistive technology reads it as
 * the link's description) and search indexers never take definitions for page text.
 * This script turns each title into a styled tooltip: a hidden element next to the link,
 * named by aria-describedby, shown on hover and focus, hidden on Escape, blur and mouse-out.
 * No dependencies. */
(() => {
  "use strict";
  const MARGIN = 8;
  const ABOVE = "fieldnotes-term-tip--above";
  let open = null;
  let count = 0;

  function hide(wrapper) {
    const tip = wrapper.querySelector(":scope > .fieldnotes-term-tip");
    if (tip) {
      tip.hidden = true;
      tip.style.left = "";
      tip.classList.remove(ABOVE);
    }
    if (open === wrapper) open = null;
  }

  function show(wrapper) {
    if (open && open !== wrapper) hide(open);
    const tip = wrapper.querySelector(":scope > .fieldnotes-term-tip");
    if (!tip) return;
    tip.hidden = false;
    open = wrapper;
    // Keep the box inside the viewport: shift it left, or open it above the term.
    const box = tip.getBoundingClientRect();
    const overflow = box.right - (document.documentElement.clientWidth - MARGIN);
    if (overflow > 0) tip.style.left = `${-Math.min(overflow, box.left - MARGIN)}px`;
    const term = wrapper.getBoundingClientRect();
    if (box.bottom > window.innerHeight - MARGIN && term.top - box.height > MARGIN) {
      tip.classList.add(ABOVE);
    }
  }

  function enhance(link) {
    const text = link.getAttribute("title");
    if (!text) return;
    const wrapper = document.createElement("span");
    wrapper.className = "fieldnotes-term-wrap";
    const tip = document.createElement("span");
    count += 1;
    tip.id = `fieldnotes-tip-${count}`;
    tip.className = "fieldnotes-term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.textContent = text;
    link.replaceWith(wrapper);
    wrapper.append(link, tip);
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", tip.id);
    wrapper.addEventListener("mouseenter", () => show(wrapper));
    wrapper.addEventListener("mouseleave", () => {
      if (document.activeElement !== link) hide(wrapper);
    });
    link.addEventListener("focus", () => show(wrapper));
    link.addEventListener("blur", () => hide(wrapper));
  }

  function init() {
    document.querySelectorAll("a.fieldnotes-term[title]").forEach(enhance);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) hide(open);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
