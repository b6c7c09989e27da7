// Build the front end into hromada/ui/static/ui/build/ (git-ignored):
// the city's stylesheet compiled from frontend/scss/hromada.scss, and copies
// of htmx, GOV.UK Frontend's ES module, Noto Sans and frontend/js/*.
// No bundler: the browser loads ES modules and plain scripts as they are.

import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "hromada/ui/static/ui/build");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "fonts"), { recursive: true });

const css = sass.compile(join(root, "frontend/scss/hromada.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(out, "hromada.css"), css.css);

const copies = [
  ["htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"],
];
for (const subset of ["latin", "cyrillic", "cyrillic-ext"]) {
  for (const weight of [400, 700]) {
    const font = `noto-sans-${subset}-${weight}-normal.woff2`;
    copies.push([`@fontsource/noto-sans/files/${font}`, `fonts/${font}`]);
  }
}
for (const [from, to] of copies) {
  copyFileSync(join(modules, from), join(out, to));
}
for (const script of readdirSync(join(root, "frontend/js"))) {
  copyFileSync(join(root, "frontend/js", script), join(out, script));
}
