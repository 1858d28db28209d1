/* sphinx-fieldnotes glossary-index: filter the glossary as you type; the A-Z bar moves focus.
 *
 * The page works without this script: the bar's letters are links to the letter headings,
 * every entry is shown, and the stylesheet hides the filter box (@media (scripting: none)).
 * With it:
 * - typing in the filter box shows only the entries one of whose terms contains the text
 *   (case and accents ignored), hides letters left empty, and says how many entries are
 *   shown in the box's status line (role="status": screen readers announce it);
 * - Escape in the box clears it;
 * - a letter of the bar scrolls to its heading and moves the keyboard focus to the letter's
 *   first entry (clearing the filter if it hides that letter);
 * - entries far from the screen are not laid out when the page opens (content-visibility, in
 *   the stylesheet), so the first screen comes quickly; the script then lays them out one
 *   letter at a time while the browser is idle (each a short task, none blocking input), and
 *   at once before the browser goes to a place in the page (a link to an anchor of this page,
 *   an address with one, a reload or a step back in history), so that it lands in the right
 *   place. Once all are laid out, the page is as it would be without the stylesheet's rule.
 * Strings come from the box's data attributes (translated by Sphinx). No dependencies. */
(() => {
  "use strict";
  const GROUP = ".fieldnotes-glossary-letter";
  const ANNOUNCE_DELAY = 400;
  const LAID_OUT = "fieldnotes-glossary-laid-out";
  const READY = "fieldnotes-glossary-ready";

  function layOut() {
    document.documentElement.classList.add(LAID_OUT);
  }

  // One letter's entries per idle period, then the whole page (the class above).
  function layOutWhenIdle() {
    const idle = window.requestIdleCallback || ((callback) => window.setTimeout(callback, 50));
    const waiting = Array.from(document.querySelectorAll(GROUP)).filter((g) => !g.classList.contains(READY));
    const next = () => {
      const group = waiting.shift();
      if (!group || document.documentElement.classList.contains(LAID_OUT)) {
        layOut();
        return;
      }
      group.classList.add(READY);
      idle(next);
    };
    idle(next);
  }

  function goTo(hash) {
    const target = hash.length > 1 && document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    layOut();
    target.scrollIntoView({ behavior: "instant" });
  }

  // Before the browser follows a link to an anchor of this page (capture: before anything else).
  function onClick(event) {
    const link = event.target instanceof Element && event.target.closest("a[href*='#']");
    if (link && link.hash && link.pathname === window.location.pathname) layOut();
  }

  const fold = (text) =>
    text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

  const termText = (dt) =>
    Array.from(dt.childNodes)
      .filter((node) => !(node.classList && node.classList.contains("headerlink")))
      .map((node) => node.textContent)
      .join("");

  // Entries of one definition list: the terms (dt, several for synonyms) and the definition.
  function entriesOf(list) {
    const entries = [];
    let terms = [];
    for (const child of list.children) {
      if (child.tagName === "DT") {
        terms.push(child);
      } else if (child.tagName === "DD" && terms.length) {
        const text = fold(terms.map(termText).join("\n"));
        entries.push({ nodes: [...terms, child], text });
        terms = [];
      }
    }
    return entries;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  function setUp(box) {
    const input = box.querySelector("input");
    const status = box.querySelector("[role=status]");
    const groups = Array.from(document.querySelectorAll(GROUP));
    const entries = groups.flatMap((group) => Array.from(group.querySelectorAll("dl")).flatMap(entriesOf));
    if (!input || !status || !entries.length) return;
    let timer = 0;

    function announce(text) {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        status.textContent = text;
      }, ANNOUNCE_DELAY);
    }

    function apply(query) {
      const wanted = fold(query);
      let shown = 0;
      for (const entry of entries) {
        const match = !wanted || entry.text.includes(wanted);
        for (const node of entry.nodes) node.hidden = !match;
        if (match) shown += 1;
      }
      for (const group of groups) group.hidden = !group.querySelector("dt:not([hidden])");
      const total = entries.length;
      if (!wanted) announce(fill(box.dataset.all || "", { total }));
      else if (!shown) announce(box.dataset.none || "");
      else announce(fill(box.dataset.shown || "", { shown, total }));
    }

    input.addEventListener("input", () => apply(input.value));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        event.stopPropagation();
        input.value = "";
        apply("");
      }
    });

    const bar = box.parentElement && box.parentElement.querySelector(".fieldnotes-glossary-letters");
    if (!bar) return;
    bar.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      const heading = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      const group = heading && heading.closest(GROUP);
      if (!group) return;
      event.preventDefault();
      if (group.hidden) {
        input.value = "";
        apply("");
      }
      if (window.location.hash !== link.hash) window.history.pushState(null, "", link.hash);
      heading.scrollIntoView();
      const first = group.querySelector("dt:not([hidden])");
      if (first) {
        if (!first.hasAttribute("tabindex")) first.setAttribute("tabindex", "-1");
        first.focus({ preventScroll: true });
      }
    });
  }

  function init() {
    document.querySelectorAll(".fieldnotes-glossary-filter").forEach(setUp);
    document.addEventListener("click", onClick, true);
    window.addEventListener("hashchange", () => goTo(window.location.hash));
    const navigation = performance.getEntriesByType("navigation")[0];
    if (navigation && navigation.type !== "navigate") layOut(); // the browser restores a scroll position
    if (window.location.hash) goTo(window.location.hash);
    if (document.readyState === "complete") layOutWhenIdle();
    else window.addEventListener("load", layOutWhenIdle, { once: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
