// The to-do list of a workspace: what each kind of item means, where it leads, when it is late, and how the lists
// of several kinds merge into one ordered by legal deadline. Pure functions; the queries are in todo.repo.ts.
import { reRatingWindow } from './certificates.rules.js';
import { isOverdue, workingDaysBetween, type HolidayCalendar, type IsoDate } from './deadlines.rules.js';

/** Every kind of item, in the order a role's lists are read when deadlines tie (the first is the most pressing). */
export const TODO_KINDS = [
  // the commune: Mẫu 03 within 15 working days, then the proposal to the province; entities registered in it
  'commune_review', 'commune_forward', 'entity_pending',
  // the province office (and the Ministry at the central stage)
  'dossier_accept', 'dossier_schedule', 'dossier_decide', 'rerating_window',
  // the competent authority: a proposal to revoke (an inspection's conclusion) within Điều 8.4's 15 days
  'revocation_proposed',
  // council members and advisory teams
  'session_scoring', 'advisory_review',
  // inspectors
  'revocation_late', 'revocation', 'certificate_issued',
  // producers
  'dossier_returned', 'dossier_missing_files', 'dossier_draft', 'document_expiring', 'entity_status',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** One row as a source query returns it (todo.repo.ts), before it is presented. */
export type TodoRow = {
  kind: TodoKind;
  /** The record the item is about: a dossier, entity, certificate (its number), session or document id. */
  ref: string;
  subject: string;
  number: string | null;
  /** The legal deadline the list is ordered by (null: none; such items follow the dated ones). */
  dueOn: IsoDate | null;
  provinceName: string | null;
  communeName: string | null;
  /** Free text from the record (the reasons of a return, the council's name, a document's issuer); null when none. */
  detail: string | null;
  /** The record's own status (a dossier's, an entity's), where the item depends on it. */
  status: string | null;
  /** When the thing happened that the item is about (submitted, revoked, issued); null when none. */
  at: IsoDate | null;
  /** Only for a re-rating window: the certificate's expiry. */
  expiresOn?: IsoDate | null;
};

const DOSSIER_KINDS = new Set<TodoKind>(['commune_review', 'commune_forward', 'dossier_accept', 'dossier_schedule', 'dossier_decide', 'advisory_review',
  'dossier_returned', 'dossier_missing_files', 'dossier_draft']);

/** The app path an item opens. */
export function todoLink(kind: TodoKind, ref: string, number: string | null): string {
  if (DOSSIER_KINDS.has(kind)) return `/ho-so/${ref}`;
  switch (kind) {
    case 'entity_pending': case 'entity_status': case 'document_expiring': return `/lam-viec/chu-the/${ref}`;
    case 'session_scoring': return `/phien-hop/${ref}`;
    case 'rerating_window': return `/lam-viec/san-pham/${ref}`;
    // The certificate's workspace page (revocation, late flag); the public verification page is a document outside the app.
    default: return `/lam-viec/giay-chung-nhan/${encodeURIComponent(number ?? ref)}`;
  }
}

/** Whether the item is late today: a dossier past its step's deadline, a re-rating filed after the window closed
 * (Điều 12.3), a document past its expiry, a revocation decided after Điều 8.4's 15 days. */
export function todoOverdue(row: Pick<TodoRow, 'kind' | 'dueOn' | 'expiresOn'>, today: IsoDate): boolean {
  if (row.kind === 'revocation_late') return true;
  if (row.kind === 'rerating_window' && row.expiresOn) return ['closed', 'expired'].includes(reRatingWindow(row.expiresOn, today).stage);
  return isOverdue(row.dueOn, today);
}

/** Working days left to a dossier's deadline (negative when late); null for other items, whose limits are calendar days. */
export function todoWorkingDaysLeft(row: Pick<TodoRow, 'kind' | 'dueOn'>, today: IsoDate, cal: HolidayCalendar): number | null {
  if (!DOSSIER_KINDS.has(row.kind) || !row.dueOn) return null;
  return row.dueOn >= today ? workingDaysBetween(today, row.dueOn, cal) : -workingDaysBetween(row.dueOn, today, cal);
}

/** The lists of one role merged: dated items by deadline (earliest first), then the undated ones; a tie keeps the
 * order of the lists (TODO_KINDS) and of each list (its own query's order). At most `limit` items. */
export function mergeTodo(lists: TodoRow[][], limit: number): TodoRow[] {
  const all = lists.flat().map((row, i) => ({ row, i }));
  all.sort((a, b) => {
    const x = a.row.dueOn; const y = b.row.dueOn;
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return a.i - b.i;
  });
  return all.slice(0, limit).map((x) => x.row);
}
