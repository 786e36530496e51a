// The tourism map: the provinces' outlines (trace's static map of Việt Nam, data/admin-units/province-outlines.json)
// with each destination a numbered dot linking to its page. A static SVG drawn by the server: no tile server, no
// script, a few kilobytes, readable on a cheap phone. With a province chosen the view closes in on it.
import { MAP_SIZE, mapProject, provincePaths } from '../../trace/index.js';

export type MapPoint = { label: string; href: string; lat: number; lon: number; provinceCode: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The box (in map units) around a province's outline, with a margin. */
function boxOf(d: string, margin: number) {
  const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0), ys = nums.filter((_, i) => i % 2 === 1);
  return { x: Math.min(...xs) - margin, y: Math.min(...ys) - margin, w: Math.max(...xs) - Math.min(...xs) + 2 * margin, h: Math.max(...ys) - Math.min(...ys) + 2 * margin };
}

export function tourismMapSvg(points: MapPoint[], title: string, focusProvince?: string): string {
  const all = provincePaths();
  const lit = new Set(points.map((p) => p.provinceCode));
  const focus = focusProvince ? all.get(focusProvince) : undefined;
  const at = points.map((p) => mapProject(p.lon, p.lat));
  // The view: the province chosen (or the whole country), widened to every point, with a margin.
  const base = focus ? boxOf(focus, 0) : { x: 0, y: 0, w: MAP_SIZE.w, h: MAP_SIZE.h };
  const xs = [base.x, base.x + base.w, ...at.map(([x]) => x)], ys = [base.y, base.y + base.h, ...at.map(([, y]) => y)];
  const margin = (Math.max(...xs) - Math.min(...xs)) * 0.06;
  const box = { x: Math.min(...xs) - margin, y: Math.min(...ys) - margin, w: Math.max(...xs) - Math.min(...xs) + 2 * margin, h: Math.max(...ys) - Math.min(...ys) + 2 * margin };
  // Dots and strokes keep about the same size on screen whatever the zoom.
  const r = box.w * 0.026;
  const dim = [...all].filter(([c]) => !lit.has(c)).map(([, d]) => d).join('');
  const on = [...all].filter(([c]) => lit.has(c)).map(([, d]) => d).join('');
  const dots = points.map((p, i) => {
    const [x, y] = at[i];
    return `<a href="${esc(p.href)}"><title>${esc(`${i + 1}. ${p.label}`)}</title><circle cx="${x}" cy="${y}" r="${r.toFixed(2)}" fill="#c62828" stroke="#fff" stroke-width="${(r / 4).toFixed(2)}"/>`
      + `<text x="${x}" y="${(y + r * 0.45).toFixed(2)}" font-size="${(r * 1.3).toFixed(2)}" text-anchor="middle" fill="#fff" font-weight="700">${i + 1}</text></a>`;
  }).join('');
  const stroke = (box.w * 0.004).toFixed(3);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box.x.toFixed(1)} ${box.y.toFixed(1)} ${box.w.toFixed(1)} ${box.h.toFixed(1)}" role="img" aria-label="${esc(title)}" class="map tourism-map">`
    + `<path d="${dim}" fill="#e3ebe6" stroke="#9fb3a8" stroke-width="${stroke}"/>`
    + (on ? `<path d="${on}" fill="#cfe8d9" stroke="#0b6e4f" stroke-width="${stroke}"/>` : '')
    + `${dots}</svg>`;
}
