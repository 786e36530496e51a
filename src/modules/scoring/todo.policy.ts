// Which to-do lists a person gets, and over which scope: pure. The scope comes from the account only (the route takes
// no scope parameter), so nobody can ask for another commune's or province's work.
import type { Actor } from '../../app/actor.js';
import type { TodoKind } from './todo.rules.js';

export type TodoScope = { provinceCode?: string; communeCode?: string; entityId?: string; userId?: string; level?: 'province' | 'central' };
export type TodoSource = { kind: TodoKind; scope: TodoScope };

const src = (scope: TodoScope, ...kinds: TodoKind[]): TodoSource[] => kinds.map((kind) => ({ kind, scope }));

export function todoSources(a: Actor): TodoSource[] {
  if (a.kind !== 'user') return [];
  switch (a.role) {
    case 'commune':
      return a.communeCode ? src({ communeCode: a.communeCode }, 'commune_review', 'commune_forward', 'entity_pending') : [];
    case 'province':
      return a.provinceCode ? src({ provinceCode: a.provinceCode, level: 'province' }, 'dossier_accept', 'dossier_schedule', 'dossier_decide', 'entity_pending', 'rerating_window', 'revocation_proposed') : [];
    case 'central':
      // The Ministry's own steps (5★ dossiers) nationwide; re-ratings are the provinces' to remind, but the
      // central office sees the ones coming up everywhere.
      return src({ level: 'central' }, 'dossier_accept', 'dossier_schedule', 'dossier_decide', 'rerating_window', 'revocation_proposed');
    case 'council':
      return src({ userId: a.id }, 'session_scoring');
    case 'advisory':
      return src(a.provinceCode ? { provinceCode: a.provinceCode, level: 'province' } : { level: 'central' }, 'advisory_review');
    case 'inspector':
      return src(a.provinceCode ? { provinceCode: a.provinceCode } : {}, 'revocation_late', 'revocation', 'certificate_issued');
    case 'entity':
      return a.entityId ? src({ entityId: a.entityId }, 'dossier_returned', 'dossier_missing_files', 'dossier_draft', 'document_expiring', 'rerating_window', 'entity_status') : [];
    default:
      return [];
  }
}
