// The 34 provinces as GeoJSON for ECharts, from data/admin-units/province-outlines.json (18 KB: the boundaries of
// shared/reference/admin-units, MIT licence © Thang Le Quoc, simplified at build time by
// scripts/build-province-outlines.ts). Each feature is named by the province code; the page shows names.
import outlines from '../../../../data/admin-units/province-outlines.json' with { type: 'json' };

type Outlines = { provinces: { code: string; rings: number[][] }[] };

/** The Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) archipelagos, too small for the outlines: a marked spot each,
 * labelled on the map. */
export const ARCHIPELAGOS = { 'hoang-sa': [112.0, 16.4], 'truong-sa': [114.2, 9.9] } as const;
const spot = ([x, y]: readonly [number, number], r = 0.3): [number, number][] => [[x - r, y], [x, y + r], [x + r, y], [x, y - r], [x - r, y]];

export function provinceGeoJson() {
  return {
    type: 'FeatureCollection',
    features: (outlines as Outlines).provinces.map((p) => ({
      type: 'Feature',
      properties: { name: p.code },
      geometry: {
        type: 'MultiPolygon',
        coordinates: p.rings.map((r) => {
          const ring: [number, number][] = [];
          for (let i = 0; i < r.length; i += 2) ring.push([r[i], r[i + 1]]);
          return [ring];
        }),
      },
    })).concat(Object.entries(ARCHIPELAGOS).map(([name, at]) => ({
      type: 'Feature', properties: { name }, geometry: { type: 'MultiPolygon', coordinates: [[spot(at)]] },
    }))),
  };
}
