// The English strings of every area (index.ts has the Vietnamese): a chunk of its own, loaded when a visitor asks.
import { en } from './en.js';
import { scoringEn } from './scoring.en.js';
import { accountsEn } from './accounts.en.js';
import { notificationsEn } from './notifications.en.js';
import { mobileEn } from './mobile.en.js';
import { todoEn } from './todo.en.js';
import { traceEn } from './trace.en.js';
import { tradeEn } from './trade.en.js';
import { inspectionsEn } from './inspections.en.js';
import { reportsEn } from './reports.en.js';
import { integrityEn } from './integrity.en.js';
import { programmeEn } from './programme.en.js';
import { contentEn } from './content.en.js';
import { tradeEventsEn } from './trade-events.en.js';
import { dashboardEn } from './dashboard.en.js';
import { capacityEn } from './capacity.en.js';

export const EN_AREAS = [
  en, scoringEn, accountsEn, notificationsEn, mobileEn, todoEn, traceEn, tradeEn, reportsEn, integrityEn, programmeEn,
  contentEn, tradeEventsEn, dashboardEn, inspectionsEn, capacityEn,
];
