// Starts the Pagefind UI on the search page and runs the query of `/search/?q=…`, which
// the header's search form sends. Kept out of the page so the CSP needs no inline script.
// The index is in shards (pagefind/0/, pagefind/1/, …, listed in pagefind/shards.json),
// merged into one search. A site published under a path (`/news-digest/`) names it on the
// element: results link below it, and the index is loaded from below it.
const element = document.querySelector("#search");

async function startSearch() {
  const { baseUrl = "/", bundlePath = "/pagefind/" } = element.dataset;
  const response = await fetch(`${bundlePath}shards.json`);
  const { shards } = await response.json();
  const [primary, ...others] = shards.map((shard) => `${bundlePath}${shard}`);
  const ui = new window.PagefindUI({
    element,
    baseUrl,
    bundlePath: primary,
    mergeIndex: others.map((shardPath) => ({ bundlePath: shardPath, baseUrl })),
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

if (element instanceof HTMLElement && "PagefindUI" in window) startSearch();
