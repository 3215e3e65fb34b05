// WGS-84 ↔ GCJ-02. Grids and GPS points are WGS-84; base maps from Gaode or Tencent are drawn in GCJ-02, the
// offset datum China's surveying rules require of them (Tianditu's CGCS2000 differs from WGS-84 by centimetres and
// needs nothing). The forward formula is the published one (Krasovsky ellipsoid); there is no closed inverse, so the
// way back is found by iterating the forward one, which converges to well under a centimetre in a few steps.

const A = 6378245.0;
const EE = 0.00669342162296594323;

/** Outside China's box GCJ-02 equals WGS-84. */
export function outOfChina(lat, lng) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x, y) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function shiftLng(x, y) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** A WGS-84 point as GCJ-02: [lat, lng]. */
export function wgsToGcj(lat, lng) {
  if (outOfChina(lat, lng)) return [lat, lng];
  let dLat = shiftLat(lng - 105.0, lat - 35.0);
  let dLng = shiftLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lat + dLat, lng + dLng];
}

/** A GCJ-02 point back in WGS-84: [lat, lng], to 1e-9° (a tenth of a millimetre). */
export function gcjToWgs(lat, lng) {
  if (outOfChina(lat, lng)) return [lat, lng];
  let wLat = lat;
  let wLng = lng;
  for (let i = 0; i < 30; i++) {
    const [gLat, gLng] = wgsToGcj(wLat, wLng);
    const eLat = gLat - lat;
    const eLng = gLng - lng;
    wLat -= eLat;
    wLng -= eLng;
    if (Math.abs(eLat) < 1e-9 && Math.abs(eLng) < 1e-9) break;
  }
  return [wLat, wLng];
}
