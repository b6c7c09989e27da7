// Build the front end into hromada/ui/static/ui/build/ (git-ignored):
// the city's stylesheet compiled from frontend/scss/hromada.scss, and copies
// of htmx, GOV.UK Frontend's ES module, Noto Sans, Leaflet (script, styles
// and marker images, under leaflet/), Chart.js (under chart/) and
// frontend/js/*.
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
mkdirSync(join(out, "leaflet/images"), { recursive: true });
mkdirSync(join(out, "chart"), { recursive: true });

const css = sass.compile(join(root, "frontend/scss/hromada.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(out, "hromada.css"), css.css);

const copies = [
  ["htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"],
  // The map picker imports leaflet.js for its side effect (window.L); the
  // source map travels along because the script names it, and hashed static
  // storage follows that name.
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.js.map", "leaflet/leaflet.js.map"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  // Chart.js's UMD build sets window.Chart when imported for its side
  // effect, as Leaflet does; its ES build imports a bare module name that a
  // browser cannot resolve without a bundler.
  ["chart.js/dist/chart.umd.js", "chart/chart.umd.js"],
  ["chart.js/dist/chart.umd.js.map", "chart/chart.umd.js.map"],
];
for (const image of readdirSync(join(modules, "leaflet/dist/images"))) {
  copies.push([`leaflet/dist/images/${image}`, `leaflet/images/${image}`]);
}
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
