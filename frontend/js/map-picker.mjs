// The map picker: enhances the gis room's location and point fields
// (hromada/gis/templates/gis/widgets/location.html), whose template loads
// this module. Everything it needs is in the markup: the map's settings and
// translated texts in data-* attributes of [data-module="hromada-map-picker"],
// the inputs and areas marked with data-map-picker="address|lat|lon|map|
// map-area|centre|suggestions|status".
//
// It adds: a Leaflet map where a click, a dragged pin or the "centre" button
// (for the keyboard) puts the point into the latitude and longitude inputs;
// choosing a suggested address (htmx fills the list) fills the address and
// the point. Without it the same inputs work as a plain form; tiles that do
// not load leave a grey map and a working form.
import "./leaflet/leaflet.js";

const SELECTOR = '[data-module="hromada-map-picker"]';
const DIGITS = 6; // about 10 cm: more than any building needs
const ADDRESS_ZOOM = 17;

function part(root, name) {
  return root.querySelector(`[data-map-picker="${name}"]`);
}

function numbers(text) {
  return (text || "").split(",").map(Number);
}

function coordinate(input) {
  const value = input ? Number(input.value.trim().replace(",", ".")) : NaN;
  return input && input.value.trim() !== "" && Number.isFinite(value) ? value : null;
}

class MapPicker {
  constructor(root) {
    this.root = root;
    this.texts = root.dataset;
    this.address = part(root, "address");
    this.lat = part(root, "lat");
    this.lon = part(root, "lon");
    this.status = part(root, "status");
    this.suggestions = part(root, "suggestions");
    // Whether the point came with a chosen address: typing another address
    // then takes it away, as it no longer belongs to the words.
    this.pointFromAddress = false;
    this.marker = null;
    this.map = this.drawMap();
    this.listen();
    this.showTypedPoint(false);
  }

  drawMap() {
    const L = window.L;
    const area = part(this.root, "map-area");
    if (!L || !area) {
      return null;
    }
    area.hidden = false;
    const [lat, lon] = numbers(this.texts.center);
    const map = L.map(part(this.root, "map"), {
      center: [lat, lon],
      zoom: Number(this.texts.zoom),
      zoomControl: false,
    });
    L.control
      .zoom({ zoomInTitle: this.texts.textZoomIn, zoomOutTitle: this.texts.textZoomOut })
      .addTo(map);
    L.tileLayer(this.texts.tiles, { attribution: this.texts.attribution }).addTo(map);
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", this.texts.textMap);
    map.on("click", (event) => this.put(event.latlng, this.texts.textPlaced));
    part(this.root, "centre").addEventListener("click", () =>
      this.put(map.getCenter(), this.texts.textPlaced),
    );
    return map;
  }

  listen() {
    for (const input of [this.lat, this.lon]) {
      input?.addEventListener("change", () => this.showTypedPoint(true));
    }
    this.address?.addEventListener("input", () => this.addressTyped());
    this.address?.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.suggestions) {
        this.suggestions.replaceChildren();
      }
    });
    this.suggestions?.addEventListener("click", (event) => {
      const button = event.target.closest("[data-address-suggestion]");
      if (button) {
        this.choose(button.dataset);
      }
    });
    this.suggestions?.addEventListener("htmx:afterSwap", () => {
      const body = this.suggestions.querySelector("[data-count-text]");
      this.say(body ? body.dataset.countText : "");
    });
  }

  // Put the point at latlng: fill the inputs, move the pin, say where.
  put(latlng, text) {
    const lat = latlng.lat.toFixed(DIGITS);
    const lon = latlng.lng.toFixed(DIGITS);
    if (this.lat && this.lon) {
      this.lat.value = lat;
      this.lon.value = lon;
    }
    this.pointFromAddress = false;
    this.pin(latlng);
    this.say(`${text} ${lat}, ${lon}`);
  }

  pin(latlng) {
    if (!this.map) {
      return;
    }
    if (this.marker) {
      this.marker.setLatLng(latlng);
      return;
    }
    const title = this.texts.textPin;
    this.marker = window.L.marker(latlng, { draggable: true, alt: title, title });
    this.marker.on("dragend", () => this.put(this.marker.getLatLng(), this.texts.textPlaced));
    this.marker.addTo(this.map);
  }

  unpin() {
    if (this.marker) {
      this.marker.remove();
      this.marker = null;
    }
  }

  // The inputs already hold a point (a form shown again after an error, or
  // typed by hand): show it on the map.
  showTypedPoint(isTyped) {
    const lat = coordinate(this.lat);
    const lon = coordinate(this.lon);
    if (lat === null || lon === null) {
      return;
    }
    this.pin({ lat, lng: lon });
    this.map?.setView([lat, lon], Math.max(this.map.getZoom(), ADDRESS_ZOOM));
    if (isTyped) {
      this.pointFromAddress = false;
    }
  }

  choose(suggestion) {
    this.address.value = suggestion.label;
    if (this.lat && this.lon) {
      this.lat.value = suggestion.lat;
      this.lon.value = suggestion.lon;
    }
    this.showTypedPoint(false);
    this.pointFromAddress = true;
    this.suggestions.replaceChildren();
    this.address.focus();
    this.say(`${this.texts.textChosen} ${suggestion.label}`);
  }

  addressTyped() {
    if (!this.pointFromAddress) {
      return;
    }
    this.pointFromAddress = false;
    if (this.lat && this.lon) {
      this.lat.value = "";
      this.lon.value = "";
    }
    this.unpin();
    this.say(this.texts.textRemoved);
  }

  say(text) {
    if (this.status) {
      this.status.textContent = text;
    }
  }
}

function start(scope) {
  const roots = scope.matches?.(SELECTOR) ? [scope] : scope.querySelectorAll(SELECTOR);
  for (const root of roots) {
    if (!("mapPickerStarted" in root.dataset)) {
      root.dataset.mapPickerStarted = "";
      new MapPicker(root);
    }
  }
}

start(document);
// A form that htmx swaps in later brings its own fields.
document.addEventListener("htmx:load", (event) => start(event.detail.elt));
