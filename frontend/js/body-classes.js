// GOV.UK Frontend's page-template snippet as an external file, so the
// Content-Security-Policy needs no 'unsafe-inline'. Loaded as the first
// child of <body>, before any component renders.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
