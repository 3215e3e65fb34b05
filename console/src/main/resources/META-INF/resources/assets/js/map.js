// Leaflet maps: the configured base map when there is one (Tianditu in production, or the gateway's folder of tiles
// offline), else the grid polygons alone on a plain background.
// Leaflet's minified build (147 KB against 424 KB for its ES module) is loaded by the page as a classic script.
import { gcjToWgs, wgsToGcj } from './coords.js';

const L = window.L;

const QIQIHAR = [47.354, 123.918];

/**
 * Web Mercator over the tiles' datum: for GCJ-02 tiles (Gaode, Tencent) every WGS-84 point — grids, whistles, the
 * pin — is shifted as it is drawn and a click is shifted back, so the rest of the pages only ever see WGS-84.
 */
export function crsFor(datum) {
  if (datum !== 'GCJ02') return L.CRS.EPSG3857;
  const mercator = L.Projection.SphericalMercator;
  const projection = L.extend({}, mercator, {
    project: (latlng) => {
      const [lat, lng] = wgsToGcj(latlng.lat, latlng.lng);
      return mercator.project(L.latLng(lat, lng));
    },
    unproject: (point) => {
      const shifted = mercator.unproject(point);
      const [lat, lng] = gcjToWgs(shifted.lat, shifted.lng);
      return L.latLng(lat, lng);
    },
  });
  return L.extend({}, L.CRS.EPSG3857, { projection });
}

/**
 * A map in the element, with the gateway's base map when one is configured (mapTileUrl, mapAttribution,
 * mapTileSubdomains, mapCoordinates as in GET /bff/config); answers {map, hasTiles}. The attribution names the tile
 * provider alone (its 审图号), without Leaflet's own prefix.
 */
export function createMap(element, config = {}, options = {}) {
  const map = L.map(element, { crs: crsFor(config.mapCoordinates), zoomControl: true, keyboard: true,
    attributionControl: true, ...options }).setView(QIQIHAR, 9);
  map.attributionControl.setPrefix(false);
  if (config.mapTileUrl) {
    const tileOptions = { maxZoom: 18, attribution: config.mapAttribution || '' };
    if (config.mapTileSubdomains) tileOptions.subdomains = config.mapTileSubdomains;
    L.tileLayer(config.mapTileUrl, tileOptions).addTo(map);
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

/**
 * Names areas on the map where people read them at a distance: each area (a district of the city, a street of a
 * district) gets a dashed outline around its grids and a permanent label with its name, so a city's map shows its
 * districts rather than specks. areaOf(feature) answers the area's key, or null; name(key) its name. Answers a
 * function that relabels them (e.g. with fresh counts).
 */
export function labelAreas(map, collection, areaOf, name) {
  const bounds = new Map();
  for (const feature of collection.features || []) {
    const key = areaOf(feature);
    if (!key) continue;
    const b = L.geoJSON(feature).getBounds();
    if (!b.isValid()) continue;
    bounds.set(key, bounds.has(key) ? bounds.get(key).extend(b) : b);
  }
  const group = L.layerGroup().addTo(map);
  const labels = new Map();
  for (const [key, b] of bounds) {
    L.rectangle(b.pad(0.05), { color: '#0d47a1', weight: 2, dashArray: '6 4', fill: false, interactive: false })
      .addTo(group);
    labels.set(key, L.tooltip({ permanent: true, direction: 'center', className: 'area-label', interactive: false })
      .setLatLng(b.getCenter()).setContent(name(key)).addTo(map));
  }
  if (bounds.size) {
    let all = null;
    for (const b of bounds.values()) all = all ? all.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    map.fitBounds(all.pad(0.08));
    // A wall display switched to another resolution shows the same areas, filling the map again.
    map.on('resize', () => map.fitBounds(all.pad(0.08)));
  }
  // Neighbouring small areas (two districts of the city centre) would print their names over each other: each
  // label that overlaps one placed before it moves down below it.
  const separate = () => {
    const placed = [];
    for (const [key, label] of labels) {
      label.setLatLng(bounds.get(key).getCenter());
      const element = label.getElement();
      if (!element) continue;
      let box = element.getBoundingClientRect();
      for (const other of placed) {
        if (box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top) {
          const shift = other.bottom - box.top + 4;
          const point = map.latLngToContainerPoint(label.getLatLng()).add([0, shift]);
          label.setLatLng(map.containerPointToLatLng(point));
          box = element.getBoundingClientRect();
        }
      }
      placed.push(box);
    }
  };
  separate();
  map.on('zoomend', separate);
  return () => {
    labels.forEach((label, key) => label.setContent(name(key)));
    separate();
  };
}

/** Below this zoom the wall's event points are drawn as clusters: a city's or district's map would be a smear. */
export const CLUSTER_BELOW = 14;
/** A cluster gathers the points within this many screen pixels of each other. */
const CLUSTER_PX = 48;

/**
 * Open events as points on a map: each point {lat, lng, label, urgent, overdue}; overdue ones red, urgent orange, the
 * rest blue. Below CLUSTER_BELOW the points falling in one CLUSTER_PX cell become one circle with their count, red when
 * any of them is overdue, orange when any is urgent. Answers a function that draws a new set (and redraws on zoom).
 */
export function eventPoints(map, clusterLabel = (n) => String(n)) {
  const layer = L.layerGroup().addTo(map);
  let points = [];
  const tone = (list) => (list.some((p) => p.overdue) ? 'overdue' : list.some((p) => p.urgent) ? 'urgent' : 'open');
  const COLOURS = { overdue: '#d50000', urgent: '#ff6d00', open: '#1565c0' };
  function draw() {
    layer.clearLayers();
    const zoom = map.getZoom();
    if (zoom >= CLUSTER_BELOW) {
      for (const p of points) {
        const kind = tone([p]);
        L.circleMarker([p.lat, p.lng], { radius: 8, weight: 2, color: '#fff', fillColor: COLOURS[kind], fillOpacity: 0.95,
          className: `event-point ${kind}` }).bindTooltip(p.label).addTo(layer);
      }
      return;
    }
    const cells = new Map();
    for (const p of points) {
      const at = map.project([p.lat, p.lng], zoom);
      const key = `${Math.floor(at.x / CLUSTER_PX)}:${Math.floor(at.y / CLUSTER_PX)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(p);
    }
    for (const list of cells.values()) {
      const kind = tone(list);
      const lat = list.reduce((s, p) => s + p.lat, 0) / list.length;
      const lng = list.reduce((s, p) => s + p.lng, 0) / list.length;
      const marker = L.circleMarker([lat, lng], { radius: Math.min(26, 9 + 3 * Math.sqrt(list.length)), weight: 2,
        color: '#fff', fillColor: COLOURS[kind], fillOpacity: 0.9,
        className: list.length > 1 ? `event-cluster ${kind}` : `event-point ${kind}` }).addTo(layer);
      if (list.length > 1) {
        marker.bindTooltip(clusterLabel(list.length), { permanent: true, direction: 'center', className: 'event-count' });
      } else {
        marker.bindTooltip(list[0].label);
      }
    }
  }
  map.on('zoomend', draw);
  return (next) => {
    points = next;
    draw();
  };
}
