// Starts the Pagefind UI on the search page and runs the query of `/search/?q=…`, which
// the header's search form sends. Kept out of the page so the CSP needs no inline script.
// The index is in shards (pagefind/0/, pagefind/1/, …, listed in pagefind/shards.json),
// merged into one search; their addresses are read relative to the UI's own script, so the
// site works under any path.
const element = document.querySelector("#search");
const uiScript = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');

async function startSearch() {
  const base = new URL(".", uiScript.src);
  const response = await fetch(new URL("shards.json", base));
  const { shards } = await response.json();
  const [primary, ...others] = shards.map((shard) => new URL(shard, base).pathname);
  const ui = new window.PagefindUI({
    element,
    bundlePath: primary,
    mergeIndex: others.map((bundlePath) => ({ bundlePath })),
    showSubResults: true,
    resetStyles: false,
  });
  // Pagefind names its field only by a placeholder and a title, which screen readers may skip.
  element
    .querySelector(".pagefind-ui__search-input")
    ?.setAttribute("aria-label", "Search the news");
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
}

if (element && uiScript && "PagefindUI" in window) startSearch();
