// An indicator's answer in the format asked: JSON (returned to the route), CSV or an Excel workbook (sent here).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from './stats.rules.js';
import { indicatorXlsx, XLSX_TYPE } from './stats.xlsx.js';

const wantsCsv = (req: FastifyRequest, format?: string) => format === 'csv' || (format === undefined && /\btext\/csv\b/.test(String(req.headers.accept ?? '')));

export async function send<T>(req: FastifyRequest, reply: FastifyReply, format: string | undefined, out: Parameters<typeof indicatorXlsx>[0], json: T, audience: 'public' | 'office' = 'public'): Promise<T | undefined> {
  const { name, columns, rows } = out;
  // Computed at each request: a cache may keep it only while it revalidates (no stale figure after a write); the
  // office's figures are for the one officer only.
  reply.header('cache-control', audience === 'public' ? 'public, max-age=0, must-revalidate' : 'private, no-store').header('vary', 'Accept');
  if (format === 'xlsx') {
    const file = [name, out.area.province ?? out.area.commune, out.asOf].filter(Boolean).join('-');
    void reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${file}.xlsx"`).send(await indicatorXlsx(out));
    return undefined;
  }
  if (wantsCsv(req, format)) {
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `inline; filename="${name}.csv"`).send(toCsv(columns, rows));
    return undefined;
  }
  return json;
}
