// Leaflet maps: the configured base map when there is one (Tianditu in production), else the grid polygons alone.
// Leaflet's minified build (147 KB against 424 KB for its ES module) is loaded by the page as a classic script.
const L = window.L;

const QIQIHAR = [47.354, 123.918];

/**
 * A map in the element, with the gateway's base map when one is configured (mapTileUrl, mapAttribution,
 * mapTileSubdomains as in GET /bff/config); answers {map, hasTiles}.
 */
export function createMap(element, config = {}) {
  const map = L.map(element, { zoomControl: true, keyboard: true, attributionControl: true }).setView(QIQIHAR, 9);
  if (config.mapTileUrl) {
    const options = { maxZoom: 18, attribution: config.mapAttribution || '' };
    if (config.mapTileSubdomains) options.subdomains = config.mapTileSubdomains;
    L.tileLayer(config.mapTileUrl, options).addTo(map);
  }
  return { map, hasTiles: !!config.mapTileUrl };
}

/** Shades of red for open-ticket counts, from none (pale) to many. */
function shade(count, max) {
  if (!count) return '#e3f2fd';
  const steps = ['#ffcdd2', '#ef9a9a', '#e57373', '#d32f2f', '#8e0000'];
  return steps[Math.min(steps.length - 1, Math.floor((count / Math.max(1, max)) * (steps.length - 1)))];
}

/**
 * Draws the grids of a GeoJSON FeatureCollection, each shaded by its open-ticket count (counts: code → n); answers
 * a function that re-shades them with new counts.
 */
export function drawGrids(map, collection, counts = {}, label = (name, n) => `${name}: ${n}`) {
  const layer = L.geoJSON(collection, {
    style: () => ({ color: '#37474f', weight: 1, fillOpacity: 0.55, fillColor: '#e3f2fd' }),
    onEachFeature: (feature, shape) => shape.bindTooltip('', { sticky: true, className: 'grid-label' }),
  }).addTo(map);
  if (collection.features && collection.features.length) map.fitBounds(layer.getBounds(), { padding: [10, 10] });
  const paint = (now) => {
    const max = Math.max(0, ...Object.values(now));
    layer.eachLayer((shape) => {
      const code = shape.feature.properties.code;
      const n = now[code] || 0;
      shape.setStyle({ fillColor: shade(n, max) });
      shape.setTooltipContent(label(shape.feature.properties.name, n));
    });
  };
  paint(counts);
  return paint;
}

/** A draggable pin; onMove(lat, lng) when it is dragged or the map is clicked. Answers a setter for its place. */
export function pin(map, onMove) {
  let marker = null;
  const place = (lat, lng, zoom) => {
    if (!marker) {
      marker = L.marker([lat, lng], { draggable: true, keyboard: true, title: 'pin', icon: L.divIcon({
        className: '', html: '<div class="pin" aria-hidden="true"></div>', iconSize: [28, 28], iconAnchor: [14, 28] }) })
        .addTo(map);
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        onMove(p.lat, p.lng);
      });
    } else {
      marker.setLatLng([lat, lng]);
    }
    if (zoom) map.setView([lat, lng], Math.max(map.getZoom(), zoom));
  };
  map.on('click', (event) => {
    place(event.latlng.lat, event.latlng.lng);
    onMove(event.latlng.lat, event.latlng.lng);
  });
  return place;
}

/** Point markers (e.g. nearby whistles). */
export function markers(map, points) {
  const group = L.layerGroup(points.map((p) => L.circleMarker([p.lat, p.lng], { radius: 7, color: '#b71c1c' })
    .bindTooltip(p.label))).addTo(map);
  return () => group.remove();
}
