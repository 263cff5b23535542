// Starts the Pagefind UI on the search page and runs the query of `/search/?q=…`, which
// the header's search form sends. Kept out of the page so the CSP needs no inline script.
const element = document.querySelector("#search");
if (element && "PagefindUI" in window) {
  const ui = new window.PagefindUI({ element, showSubResults: true, resetStyles: false });
  // Pagefind names its field only by a placeholder and a title, which screen readers may skip.
  element
    .querySelector(".pagefind-ui__search-input")
    ?.setAttribute("aria-label", "Search the news");
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
}
