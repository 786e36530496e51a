import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaSize, checkLocation, selfIntersects } from './areas.rules.js';

// About 100 m × 100 m near Mèo Vạc (0.0009° of latitude ≈ 100 m; of longitude at 23° ≈ 92 m).
const square = [[105.41, 23.16], [105.411, 23.16], [105.411, 23.1609], [105.41, 23.1609], [105.41, 23.16]];

test('a point and a polygon inside Việt Nam are kept with their centre; a polygon gets its size in ha', () => {
  const p = checkLocation({ type: 'Point', coordinates: [105.41, 23.16], extra: 1 });
  assert.ok(!('problem' in p));
  assert.deepEqual([p.location, p.latitude, p.longitude, p.polygonHa], [{ type: 'Point', coordinates: [105.41, 23.16] }, 23.16, 105.41, null]);
  const g = checkLocation({ type: 'Polygon', coordinates: [square] });
  assert.ok(!('problem' in g));
  assert.ok(g.polygonHa! > 0.9 && g.polygonHa! < 1.1, String(g.polygonHa));
  assert.ok(Math.abs(g.latitude - 23.16045) < 1e-4 && Math.abs(g.longitude - 105.4105) < 1e-4);
});

test('bad GeoJSON is refused with the path of the fault', () => {
  const code = (raw: unknown) => { const r = checkLocation(raw); return 'problem' in r ? `${r.problem.code}@${r.problem.path}` : 'ok'; };
  assert.equal(code('23.16,105.41'), 'invalid_geojson@location');
  assert.equal(code({ type: 'LineString', coordinates: [] }), 'invalid_geojson_type@location.type');
  assert.equal(code({ type: 'Point', coordinates: [23.16, 105.41] }), 'position_outside_vietnam@location.coordinates');
  assert.equal(code({ type: 'Point', coordinates: [2.35, 48.85] }), 'position_outside_vietnam@location.coordinates');
  assert.equal(code({ type: 'Point', coordinates: ['105', 23] }), 'invalid_position@location.coordinates');
  assert.equal(code({ type: 'Polygon', coordinates: [square.slice(0, 4)] }), 'ring_not_closed@location.coordinates.0');
  assert.equal(code({ type: 'Polygon', coordinates: [[[105.41, 23.16], [105.42, 23.17], [105.41, 23.16]]] }), 'ring_too_short@location.coordinates.0');
  assert.equal(code({ type: 'Polygon', coordinates: [[[105.41, 23.16], [105.42, 23.17], [105.42, 23.16], [105.41, 23.17], [105.41, 23.16]]] }), 'ring_self_intersects@location.coordinates.0');
  assert.equal(code({ type: 'Polygon', coordinates: [[[105.41, 23.16], [105.42, 23.16], [105.43, 23.16], [105.41, 23.16]]] }), 'polygon_without_area@location.coordinates.0');
  assert.ok(!selfIntersects(square as [number, number][]));
});

test('a declared size far from the polygon\'s own is refused; none declared takes the polygon\'s', () => {
  assert.equal(areaSize(null, 12.5), 12.5);
  assert.equal(areaSize(12, 12.5), 12);
  assert.equal(areaSize(7, null), 7);
  const off = areaSize(40, 12.5);
  assert.ok(off !== null && typeof off === 'object' && off.problem.code === 'area_size_mismatch');
});
