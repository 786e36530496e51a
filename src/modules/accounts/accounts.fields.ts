// Who may see which field of an account (Nghị định 13/2023/NĐ-CP; see src/app/privacy.ts). People's e-mails, names,
// roles and scopes are internal: the user, and the officers who manage accounts in scope. Nothing here is public.
import type { RecordClassification } from '../../app/privacy.js';

export const USER_FIELDS: RecordClassification = {
  record: 'user',
  fields: {
    user: 'internal', 'user.id': 'internal', 'user.email': 'internal', 'user.fullName': 'internal', 'user.role': 'internal',
    'user.provinceCode': 'internal', 'user.communeCode': 'internal', 'user.entityId': 'internal', 'user.active': 'internal',
    id: 'internal', email: 'internal', fullName: 'internal', role: 'internal', provinceCode: 'internal', communeCode: 'internal',
    entityId: 'internal', active: 'internal', csrfToken: 'internal',
  },
};

/** API tokens: the secret is shown once, to its owner. */
export const TOKEN_FIELDS: RecordClassification = {
  record: 'api token',
  fields: { id: 'internal', name: 'internal', token: 'internal', createdAt: 'internal', expiresAt: 'internal', revokedAt: 'internal', status: 'internal' },
};

export const ACCOUNTS_RECORDS = [USER_FIELDS, TOKEN_FIELDS];
