// Starts the Pagefind UI on the search page and runs the query of `/search/?q=…`, which
// the header's search form sends. Kept out of the page so the CSP needs no inline script.
const element = document.querySelector("#search");
if (element && "PagefindUI" in window) {
  const ui = new window.PagefindUI({ element, showSubResults: true, resetStyles: false });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
}
