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
import type { VI_AREAS } from './index.js';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
type InEnglish<Areas extends readonly object[]> = { [I in keyof Areas]: Shape<Areas[I]> };

/** One area for each of VI_AREAS, in its order and of its shape: an area left out here is a compile error. */
export const EN_AREAS: InEnglish<typeof VI_AREAS> = [
  en, scoringEn, accountsEn, notificationsEn, mobileEn, todoEn, traceEn, tradeEn, reportsEn, integrityEn, programmeEn,
  contentEn, tradeEventsEn, dashboardEn, inspectionsEn, capacityEn,
];
