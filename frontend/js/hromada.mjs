// Start GOV.UK Frontend's components, and start them again in every piece
// of page that htmx swaps in.
import { initAll } from "./govuk-frontend.min.js";

initAll();

document.addEventListener("htmx:load", (event) => {
  const element = event.detail.elt;
  // htmx also announces the initial <body>, which initAll() has just done.
  if (element !== document.body) {
    initAll({ scope: element });
  }
});
