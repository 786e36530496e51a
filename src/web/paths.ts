// The web app's paths: one list that the app's routes (App.tsx, pages/scoring/routes.tsx: path={PATHS.…}) and the
// server read (a test fails when a route file writes a path of its own). The server answers index.html with 200 only for a path
// the app routes; anything else gets the app shell with a real 404 status (the app still shows its "not found"), so
// search engines and link checkers see what is missing.
// No React here: the server imports this file.

// The public pages are documents the server renders (src/modules/*/pages): the catalogue (/), /san-pham/:id,
// /chu-the/:id, /giay-chung-nhan and /xac-minh/:number (printed in every certificate's QR code). They are not the
// app's: links to them from the app are plain full-page links.
export const PATHS = {
  login: '/dang-nhap',
  forgotPassword: '/quen-mat-khau',
  resetPassword: '/dat-lai-mat-khau',
  signUp: '/dang-ky',
  /** The link of an invitation e-mail (notifications.messages.ts invitationLink): never change it. */
  acceptInvitation: '/nhan-loi-moi',
  /** The development mailbox: answers only without SMTP, outside production (its API says 404 otherwise). */
  mailbox: '/hop-thu',
  mailboxMessage: '/hop-thu/:id',
  /** The workspace routes below itself and shows its own "not found". */
  workspace: '/lam-viec/*',
  scoreSheets: '/cham-diem',
  scoreSheet: '/cham-diem/:sheet',
  dossiers: '/ho-so',
  dossier: '/ho-so/:id',
  councils: '/hoi-dong',
  session: '/phien-hop/:id',
  sessionItem: '/phien-hop/:id/:itemId',
  /** The public dashboard (published figures only; ?province=, ?commune=, ?nam= choose the level and the year). */
  dashboard: '/thong-ke',
  /** The link in a training's check-in QR code (programme/trainings.routes.ts CHECKIN_PATH): never change it. */
  checkIn: '/diem-danh/:token',
} as const;

export type AppPath = (typeof PATHS)[keyof typeof PATHS];

const segments = (path: string) => path.split('/').filter(Boolean);

/** Whether `pattern` (React Router's syntax: `:param` is one segment, a final `*` the rest) matches `pathname`. */
export function matchesPath(pattern: string, pathname: string): boolean {
  const want = segments(pattern);
  const got = segments(pathname);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') return true;
    if (i >= got.length) return false;
    if (!want[i].startsWith(':') && want[i] !== safeDecode(got[i])) return false;
  }
  return got.length === want.length;
}

/** Whether the web app has a page at `pathname` (a URL's path, query excluded); with `catchAll: false`, only a
 * page named by a pattern of its own, not by a final `*` (the workspace's, which routes whatever lies below it). */
export function isAppPath(pathname: string, { catchAll = true } = {}): boolean {
  return Object.values(PATHS).some((pattern) => (catchAll || !pattern.endsWith('*')) && matchesPath(pattern, pathname));
}

function safeDecode(segment: string): string {
  try { return decodeURIComponent(segment); } catch { return segment; }
}
