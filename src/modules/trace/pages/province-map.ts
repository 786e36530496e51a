// The static map of the trace page: Việt Nam's 34 provinces as one SVG (data/admin-units/province-outlines.json,
// simplified from the shipped boundaries by scripts/build-province-outlines.ts), the provinces of the journey
// filled, each place a numbered dot. No tile server, no script: a few kilobytes of inline SVG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAP_SIZE, project } from '../trace.rules.js';

type Outlines = { provinces: { code: string; rings: number[][] }[] };

let paths: Map<string, string> | undefined;

/** Each province's SVG path, projected once. */
export function provincePaths(): Map<string, string> {
  if (paths) return paths;
  const file = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'admin-units', 'province-outlines.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as Outlines;
  paths = new Map(data.provinces.map((p) => [p.code, p.rings.map((r) => {
    const pts: string[] = [];
    for (let i = 0; i < r.length; i += 2) pts.push(project(r[i], r[i + 1]).join(' '));
    return `M${pts.join('L')}Z`;
  }).join('')]));
  return paths;
}

/** Centre of a province's outline box, for places that have no coordinates of their own. */
export function provinceCentre(code: string): [number, number] | undefined {
  const d = provincePaths().get(code);
  if (!d) return undefined;
  const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0), ys = nums.filter((_, i) => i % 2 === 1);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

export type MapPlace = { label: string; provinceCode: string | null; lon: number | null; lat: number | null };

/** The map as an SVG string: highlighted provinces, numbered places (1, 2 … in the journey's order). */
export function journeyMapSvg(places: MapPlace[], title: string): string {
  const all = provincePaths();
  const lit = new Set(places.map((p) => p.provinceCode).filter(Boolean));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const dim = [...all].filter(([c]) => !lit.has(c)).map(([, d]) => d).join('');
  const on = [...all].filter(([c]) => lit.has(c)).map(([, d]) => d).join('');
  const dots = places.map((p, i) => {
    const at = p.lon !== null && p.lat !== null ? project(p.lon, p.lat) : p.provinceCode ? provinceCentre(p.provinceCode) : undefined;
    if (!at) return '';
    return `<g><title>${esc(`${i + 1}. ${p.label}`)}</title><circle cx="${at[0]}" cy="${at[1]}" r="3.2" fill="#c62828" stroke="#fff" stroke-width=".8"/><text x="${at[0]}" y="${at[1] + 1.6}" font-size="4.4" text-anchor="middle" fill="#fff" font-weight="700">${i + 1}</text></g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_SIZE.w} ${MAP_SIZE.h}" role="img" aria-label="${esc(title)}" class="map">`
    + `<path d="${dim}" fill="#e3ebe6" stroke="#9fb3a8" stroke-width=".3"/>`
    + (on ? `<path d="${on}" fill="#9fd3b5" stroke="#0b6e4f" stroke-width=".5"/>` : '')
    + `${dots}</svg>`;
}
