// Fairs, livestream and tourism: pure rules (dates, booths, distances, map boxes). No I/O.
import type { EventStatus } from './fairs.tables.js';

type EventDates = { status: EventStatus; startsOn: string; endsOn: string; registrationDeadline: string | null };

/** Entities may register while the event is published and its registration deadline (else its first day) has not
 * passed; the deadline day itself still counts. */
export const registrationOpen = (e: EventDates, today: string) => e.status === 'published' && today <= (e.registrationDeadline ?? e.startsOn);

/** Results are reported once the event has begun (its sales are known from its first day on). */
export const resultsOpen = (e: EventDates, today: string) => e.status === 'published' && today >= e.startsOn;

/** Whether one more booth may be given: no booth count means the event does not limit them. */
export const boothAvailable = (booths: number | null, taken: number) => booths === null || taken < booths;

/** A booth's label as the organiser typed it, trimmed and upper-cased so "a12" and "A12 " are one booth. */
export const boothLabel = (s: string) => s.trim().replace(/\s+/g, ' ').toUpperCase();

const RAD = Math.PI / 180;
/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type Bbox = { west: number; south: number; east: number; north: number };
/** `west,south,east,north` in degrees (the order of GeoJSON and OGC APIs); undefined when it does not read as one. */
export function parseBbox(s: string): Bbox | undefined {
  const n = s.split(',').map((x) => Number(x.trim()));
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return undefined;
  const [west, south, east, north] = n;
  if (west >= east || south >= north || south < -90 || north > 90 || west < -180 || east > 180) return undefined;
  return { west, south, east, north };
}

/** The months a destination is in season, as ranges for people: [1,2,3,9,10] → "1–3, 9–10". */
export function monthRanges(months: number[]): string {
  const m = [...new Set(months)].filter((x) => x >= 1 && x <= 12).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < m.length;) {
    let j = i;
    while (j + 1 < m.length && m[j + 1] === m[j] + 1) j++;
    out.push(i === j ? String(m[i]) : `${m[i]}–${m[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}
