// The heat map of public appeals on the statistics pages
// (hromada/analytics/templates/analytics/_heat_map.html). Everything it needs
// is in the markup: the map's settings and texts in data-* attributes of
// [data-module="hromada-heat-map"], the squares in data-cells as
// [[south, west, north, east, appeals, shade], …], counted by the server
// with at least three appeals each, so no single appeal is ever drawn.
//
// The squares are shaded with the classes hromada-heat--0…4, which the
// legend under the map uses too. The map is an extra: the tables above it
// hold the same appeals; tiles that do not load leave a grey map with its
// squares.
import "./leaflet/leaflet.js";

const SELECTOR = '[data-module="hromada-heat-map"]';

function numbers(text) {
  return (text || "").split(",").map(Number);
}

function draw(root) {
  const L = window.L;
  const area = root.querySelector('[data-heat-map="map"]');
  const texts = root.dataset;
  if (!L || !area) {
    return;
  }
  const cells = JSON.parse(texts.cells || "[]");
  area.hidden = false;
  const [lat, lon] = numbers(texts.center);
  const map = L.map(area, {
    center: [lat, lon],
    zoom: Number(texts.zoom),
    zoomControl: false,
  });
  L.control
    .zoom({ zoomInTitle: texts.textZoomIn, zoomOutTitle: texts.textZoomOut })
    .addTo(map);
  L.tileLayer(texts.tiles, { attribution: texts.attribution }).addTo(map);
  const container = map.getContainer();
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", texts.textMap);
  const squares = cells.map(([south, west, north, east, , shade]) =>
    L.rectangle(
      [
        [south, west],
        [north, east],
      ],
      { className: `hromada-heat hromada-heat--${shade}`, interactive: false },
    ),
  );
  if (squares.length) {
    const group = L.featureGroup(squares).addTo(map);
    map.fitBounds(group.getBounds(), { padding: [20, 20], maxZoom: 16 });
  }
}

document.querySelectorAll(SELECTOR).forEach(draw);
