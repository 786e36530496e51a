// The holiday calendar the working-day deadlines use: read by any officer, a year uploaded by the central office.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../app/command.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { uploadHolidayYear } from './commands/load-holidays.js';
import { holidayYearBody, holidayYearsOut, yearParams } from './holidays.contract.js';
import { listHolidayYears } from './holidays.repo.js';

export const holidayRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const list = async () => ({
    items: (await listHolidayYears(db)).map((y) => ({
      year: y.year, noticeStatus: y.noticeStatus, noticeRef: y.noticeRef, noticeNote: y.noticeNote, source: y.source, loadedAt: y.loadedAt.toISOString(), version: y.version,
      days: y.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, nameEn: d.nameEn })),
    })),
  });

  r.get('/holidays', { config: { access: 'user' }, schema: { tags: ['holidays'], summary: 'Public holidays and make-up working days by year, with the notice that fixed each year (or provisional)', response: { 200: holidayYearsOut } } }, async (req) => {
    requireUser(req);
    return list();
  });

  r.put('/holidays/:year', { config: { access: ['central'] }, schema: { tags: ['holidays'], summary: 'Load a year\'s holiday notice (central office): replaces that year\'s days; audited', params: yearParams, body: holidayYearBody, response: { 200: holidayYearsOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => uploadHolidayYear(ctx, req.params.year, req.body));
    return list();
  });
};
