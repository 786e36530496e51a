// Builds data/admin-units/province-outlines.json from the province boundaries in shared/reference/admin-units
// (MIT, see data/admin-units/LICENSE): each province's rings simplified (Douglas–Peucker) and rounded, small islands
// dropped, so the public trace page can draw a static map of Việt Nam without a tile server and within its byte
// budget. Run: npx tsx scripts/build-province-outlines.ts [source dir]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'reference', 'admin-units', 'province-geojson');
const OUT = join(import.meta.dirname, '..', 'data', 'admin-units', 'province-outlines.json');
const TOLERANCE = 0.03; // degrees (~3 km): the map is a few hundred pixels tall
const MIN_AREA = 0.01; // square degrees: islands smaller than this are left out (Trường Sa and Hoàng Sa are drawn as points)

type Pt = [number, number];

function perpendicular(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function simplify(points: Pt[], tol: number): Pt[] {
  if (points.length < 3) return points;
  let max = 0, at = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > max) { max = d; at = i; }
  }
  if (max <= tol) return [points[0], points[points.length - 1]];
  return [...simplify(points.slice(0, at + 1), tol).slice(0, -1), ...simplify(points.slice(at), tol)];
}

const area = (ring: Pt[]) => Math.abs(ring.reduce((s, p, i) => { const q = ring[(i + 1) % ring.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0)) / 2;
const round = (n: number) => Math.round(n * 100) / 100;

const provinces: { code: string; rings: number[][] }[] = [];
for (const file of readdirSync(SOURCE).filter((f) => f.endsWith('.geojson')).sort()) {
  const fc = JSON.parse(readFileSync(join(SOURCE, file), 'utf8')) as { features: { id: string; geometry: { type: string; coordinates: unknown } }[] };
  for (const f of fc.features) {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Pt[][][];
    const rings = polys.map((p) => p[0]).filter((r) => area(r) >= MIN_AREA)
      .map((r) => simplify(r, TOLERANCE).map(([x, y]) => [round(x), round(y)]).flat())
      .filter((r) => r.length >= 8);
    provinces.push({ code: String(f.id).padStart(2, '0'), rings });
  }
}
const doc = { source: 'shared/reference/admin-units/province-geojson (MIT, Thang Le Quoc)', tolerance: TOLERANCE, provinces };
writeFileSync(OUT, JSON.stringify(doc) + '\n');
console.log(`${provinces.length} provinces, ${provinces.reduce((s, p) => s + p.rings.reduce((t, r) => t + r.length / 2, 0), 0)} points → ${OUT}`);
