// The public map of appeals (hromada/appeals/templates/appeals/appeal_list.html
// loads this module). Everything it needs is in the markup: the map's
// settings and texts in data-* attributes of [data-module="hromada-appeals-map"],
// the JSON source of clusters (the list's own filters) in data-source.
//
// The map is an extra: the list below it is the page. A cluster shows how
// many appeals lie in its square; a single appeal links to its page. Tiles
// that do not load leave a grey map with working clusters.
import "./leaflet/leaflet.js";

const SELECTOR = '[data-module="hromada-appeals-map"]';

function numbers(text) {
  return (text || "").split(",").map(Number);
}

class AppealsMap {
  constructor(root) {
    this.root = root;
    this.texts = root.dataset;
    this.area = root.querySelector("[data-appeals-map]");
    this.status = root.querySelector("[data-appeals-map-status]");
    this.layer = null;
    this.request = null;
    this.map = this.draw();
    if (this.map) {
      this.map.on("moveend", () => this.load());
      this.load();
    }
  }

  draw() {
    const L = window.L;
    if (!L || !this.area) {
      return null;
    }
    this.root.hidden = false;
    const [lat, lon] = numbers(this.texts.center);
    const map = L.map(this.area, {
      center: [lat, lon],
      zoom: Number(this.texts.zoom),
      minZoom: 10,
      maxZoom: 19,
      zoomControl: false,
    });
    L.control
      .zoom({ zoomInTitle: this.texts.textZoomIn, zoomOutTitle: this.texts.textZoomOut })
      .addTo(map);
    L.tileLayer(this.texts.tiles, { attribution: this.texts.attribution }).addTo(map);
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", this.texts.textMap);
    this.layer = L.layerGroup().addTo(map);
    return map;
  }

  load() {
    const bounds = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    // The server counts appeals in squares of a quarter of a tile. The box
    // is widened to whole squares: the clusters at its edges are whole, and
    // visitors looking at the same part of the city ask the same question,
    // which the server's page cache then answers.
    const cell = 360 / 2 ** zoom / 4;
    const bbox = [
      Math.floor(bounds.getWest() / cell) * cell,
      Math.floor(bounds.getSouth() / cell) * cell,
      Math.ceil(bounds.getEast() / cell) * cell,
      Math.ceil(bounds.getNorth() / cell) * cell,
    ].map((n) => n.toFixed(5));
    const url = new URL(this.texts.source, window.location.href);
    url.searchParams.set("bbox", bbox.join(","));
    url.searchParams.set("zoom", String(zoom));
    this.request?.abort();
    this.request = new AbortController();
    fetch(url, { signal: this.request.signal, headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : { cells: [] }))
      .then((data) => this.show(data.cells || []))
      .catch(() => {});
  }

  show(cells) {
    const L = window.L;
    this.layer.clearLayers();
    let total = 0;
    for (const cell of cells) {
      total += cell.count;
      const single = cell.count === 1 && cell.url;
      const label = single ? cell.title : `${cell.count}`;
      const icon = L.divIcon({
        className: single ? "hromada-cluster hromada-cluster--one" : "hromada-cluster",
        html: single ? "" : `<span>${cell.count}</span>`,
        iconSize: single ? [18, 18] : [36, 36],
      });
      const marker = L.marker([cell.lat, cell.lon], {
        icon,
        title: single ? label : `${this.texts.textCluster} ${cell.count}`,
        keyboard: true,
        alt: label,
      });
      if (single) {
        marker.on("click", () => {
          window.location.href = cell.url;
        });
        marker.on("keypress", (event) => {
          if (event.originalEvent.key === "Enter") {
            window.location.href = cell.url;
          }
        });
      } else {
        marker.on("click", () => this.map.setView([cell.lat, cell.lon], this.map.getZoom() + 2));
      }
      marker.addTo(this.layer);
    }
    if (this.status) {
      this.status.textContent = `${this.texts.textShown} ${total}`;
    }
  }
}

for (const root of document.querySelectorAll(SELECTOR)) {
  new AppealsMap(root);
}
