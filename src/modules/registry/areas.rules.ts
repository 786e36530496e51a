// Raw-material areas' pure rules: a location is a GeoJSON (RFC 7946) Point or Polygon in WGS 84, [longitude,
// latitude], inside Việt Nam's extent (islands included); a polygon's rings are closed, have at least four
// positions, the outer ring does not cross itself, and its size is computed so a declared size that is far off is
// caught. No I/O.
import type { Message } from '../../app/errors.js';
import type { AreaGeometry } from './areas.tables.js';

/** Việt Nam's extent with its islands (Hoàng Sa, Trường Sa): a coordinate outside is a typo or swapped axes. */
export const VIETNAM_EXTENT = { minLon: 102, maxLon: 118, minLat: 6, maxLat: 24 };
export const MAX_POSITIONS = 5000;
export const MAX_RINGS = 20;
/** A declared size more than this far from the polygon's own (either way) is refused. */
export const SIZE_TOLERANCE = 0.5;

export type LocationProblem = { path: string; code: string; message: Message };
export type CheckedLocation = { location: AreaGeometry; latitude: number; longitude: number; polygonHa: number | null };

const problem = (path: string, code: string, vi: string, en: string): { problem: LocationProblem } => ({ problem: { path, code, message: { vi, en } } });

function position(p: unknown, path: string): [number, number] | { problem: LocationProblem } {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return problem(path, 'invalid_position', 'Tọa độ phải là [kinh độ, vĩ độ]', 'A position is [longitude, latitude]');
  }
  const [lon, lat] = p as number[];
  const e = VIETNAM_EXTENT;
  if (lon < e.minLon || lon > e.maxLon || lat < e.minLat || lat > e.maxLat) {
    const swapped = lat >= e.minLon && lat <= e.maxLon && lon >= e.minLat && lon <= e.maxLat;
    return problem(path, 'position_outside_vietnam', swapped ? 'Tọa độ nằm ngoài Việt Nam (có thể đã đảo kinh độ và vĩ độ: GeoJSON ghi [kinh độ, vĩ độ])' : 'Tọa độ nằm ngoài lãnh thổ Việt Nam',
      swapped ? 'The position is outside Việt Nam (longitude and latitude swapped? GeoJSON is [longitude, latitude])' : 'The position is outside Việt Nam');
  }
  return [lon, lat];
}

/** Metres per degree at a latitude (a local equirectangular projection: good to a fraction of a percent for a farm). */
const metres = (lat0: number) => ({ x: 111_320 * Math.cos((lat0 * Math.PI) / 180), y: 110_540 });

/** Signed area (m²) and centroid of a closed ring in local metres around lat0. */
function ringMeasure(ring: [number, number][], lat0: number) {
  const m = metres(lat0);
  let a = 0; let cx = 0; let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x1 = ring[i][0] * m.x, y1 = ring[i][1] * m.y, x2 = ring[i + 1][0] * m.x, y2 = ring[i + 1][1] * m.y;
    const f = x1 * y2 - x2 * y1;
    a += f; cx += (x1 + x2) * f; cy += (y1 + y2) * f;
  }
  a /= 2;
  return { area: a, lon: a === 0 ? ring[0][0] : cx / (6 * a) / m.x, lat: a === 0 ? ring[0][1] : cy / (6 * a) / m.y };
}

const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
function segmentsCross(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]) {
  const d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2), d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}
/** Whether a closed ring's edges cross (adjacent edges share a vertex and do not count). */
export function selfIntersects(ring: [number, number][]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

/** Checks a location; answers the geometry as stored (no extra members), its centre and, for a polygon, its size in ha. */
export function checkLocation(raw: unknown): CheckedLocation | { problem: LocationProblem } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problem('location', 'invalid_geojson', 'Vị trí phải là một đối tượng GeoJSON (Point hoặc Polygon)', 'The location must be a GeoJSON object (Point or Polygon)');
  const g = raw as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Point') {
    const p = position(g.coordinates, 'location.coordinates');
    if ('problem' in p) return p;
    return { location: { type: 'Point', coordinates: [p[0], p[1]] }, longitude: p[0], latitude: p[1], polygonHa: null };
  }
  if (g.type !== 'Polygon') return problem('location.type', 'invalid_geojson_type', 'Chỉ nhận GeoJSON kiểu Point hoặc Polygon', 'Only a GeoJSON Point or Polygon is accepted');
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return problem('location.coordinates', 'invalid_polygon', 'Vùng phải có ít nhất một vòng tọa độ', 'A polygon needs at least one ring');
  if (g.coordinates.length > MAX_RINGS) return problem('location.coordinates', 'too_many_rings', `Tối đa ${MAX_RINGS} vòng`, `At most ${MAX_RINGS} rings`);
  const total = g.coordinates.reduce((n: number, r: unknown) => n + (Array.isArray(r) ? r.length : 0), 0);
  if (total > MAX_POSITIONS) return problem('location.coordinates', 'too_many_positions', `Tối đa ${MAX_POSITIONS} điểm`, `At most ${MAX_POSITIONS} positions`);
  const rings: [number, number][][] = [];
  for (const [ri, r] of (g.coordinates as unknown[]).entries()) {
    const path = `location.coordinates.${ri}`;
    if (!Array.isArray(r) || r.length < 4) return problem(path, 'ring_too_short', 'Mỗi vòng cần ít nhất 4 điểm (điểm cuối trùng điểm đầu)', 'A ring needs at least 4 positions (the last repeating the first)');
    const ring: [number, number][] = [];
    for (const [pi, p] of r.entries()) {
      const q = position(p, `${path}.${pi}`);
      if ('problem' in q) return q;
      ring.push(q);
    }
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) return problem(path, 'ring_not_closed', 'Vòng tọa độ chưa khép kín: điểm cuối phải trùng điểm đầu', 'The ring is not closed: the last position must repeat the first');
    rings.push(ring);
  }
  const lat0 = rings[0][0][1];
  if (selfIntersects(rings[0])) return problem('location.coordinates.0', 'ring_self_intersects', 'Đường bao vùng tự cắt nhau', 'The outer ring crosses itself');
  const outer = ringMeasure(rings[0], lat0);
  if (Math.abs(outer.area) < 1) return problem('location.coordinates.0', 'polygon_without_area', 'Vùng không có diện tích (các điểm thẳng hàng hoặc trùng nhau)', 'The polygon has no area (positions in a line or repeated)');
  const holes = rings.slice(1).reduce((s, r) => s + Math.abs(ringMeasure(r, lat0).area), 0);
  const ha = (Math.abs(outer.area) - holes) / 10_000;
  return { location: { type: 'Polygon', coordinates: rings }, longitude: outer.lon, latitude: outer.lat, polygonHa: Math.round(ha * 100) / 100 };
}

/** The size to keep: the declared one when it agrees with the polygon (within the tolerance), else a problem; the
 * polygon's own when none is declared; a point's declared size as given. */
export function areaSize(declared: number | null | undefined, polygonHa: number | null): number | null | { problem: LocationProblem } {
  if (polygonHa === null) return declared ?? null;
  if (declared == null) return polygonHa;
  if (Math.abs(declared - polygonHa) > SIZE_TOLERANCE * Math.max(declared, polygonHa)) {
    return problem('areaHa', 'area_size_mismatch', `Diện tích khai (${declared} ha) khác xa diện tích của đường bao (${polygonHa} ha)`, `The declared size (${declared} ha) is far from the polygon's (${polygonHa} ha)`);
  }
  return declared;
}

/** The centre as a short text people read: "23,1600° B, 105,4100° Đ". */
export const positionText = (lat: number, lon: number) => `${lat.toFixed(4).replace('.', ',')}° B, ${lon.toFixed(4).replace('.', ',')}° Đ`;
