// Draws the project's icon — a gold five-pointed star (the OCOP star rating) on a rounded green square — and writes
// the files browsers and phones ask for into src/web/public (copied as they are into the build): favicon.svg,
// favicon.ico (16, 32 and 48 px), icon-192.png and icon-512.png for the web app manifest and home screens.
// Drawn here rather than by an image editor so the icon is ours, reproducible and reviewable:
//   npx tsx scripts/make-icons.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const GREEN = [0x0b, 0x6e, 0x4f] as const;
const GOLD = [0xf5, 0xb3, 0x01] as const;
/** The star on a 32-unit grid (the same outline as the SVG below). */
const STAR: [number, number][] = [[16, 5.5], [19.2, 12.3], [26.6, 13.1], [21.1, 18.2], [22.6, 25.6], [16, 21.8], [9.4, 25.6], [10.9, 18.2], [5.4, 13.1], [12.8, 12.3]];
const RADIUS = 7; // corner radius of the square, in grid units

export const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="${RADIUS}" fill="#0b6e4f"/><path d="M${STAR.map(([x, y]) => `${x} ${y}`).join('L')}Z" fill="#f5b301"/></svg>\n`;

function insideStar(x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = STAR.length - 1; i < STAR.length; j = i++) {
    const [xi, yi] = STAR[i];
    const [xj, yj] = STAR[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), 32 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 32 - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

/** RGBA pixels of the icon at `size` px, 4×4 samples a pixel for smooth edges. */
function render(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let green = 0;
      let gold = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((pxl + (sx + 0.5) / n) * 32) / size;
          const y = ((py + (sy + 0.5) / n) * 32) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideStar(x, y)) gold++; else green++;
        }
      }
      const covered = green + gold;
      const o = (py * size + pxl) * 4;
      if (!covered) continue;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round((GREEN[c] * green + GOLD[c] * gold) / covered);
      px[o + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return px;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function png(size: number): Buffer {
  const rgba = render(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter byte 0
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO holding PNG images (every browser since IE 9 reads them). */
export function ico(sizes: number[]): Buffer {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

if (process.argv[1] && process.argv[1].endsWith('make-icons.ts')) {
  const dir = join(import.meta.dirname, '..', 'src', 'web', 'public');
  writeFileSync(join(dir, 'favicon.svg'), SVG);
  writeFileSync(join(dir, 'favicon.ico'), ico([16, 32, 48]));
  writeFileSync(join(dir, 'icon-192.png'), png(192));
  writeFileSync(join(dir, 'icon-512.png'), png(512));
  console.log(`icons written to ${dir}`);
}
