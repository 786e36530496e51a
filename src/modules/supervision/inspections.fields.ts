// Who may see which field of an inspection plan, an inspection and a corrective action: every one is internal — the
// inspectors and offices in scope only (every route is for supervision roles, inspections.policy.ts); nothing of an
// inspection is public until the authority acts on it (a revocation then shows on the certificate's public
// verification, scoring's). The names below are the ones only these records carry, so the privacy walk of the public
// routes (test/privacy.test.ts) proves none of them ever reaches the public.
import type { RecordClassification } from '../../app/privacy.js';

export const INSPECTION_FIELDS: RecordClassification = {
  record: 'inspection',
  fields: {
    team: 'internal', checks: 'internal', findings: 'internal', labName: 'internal', labResult: 'internal', labFile: 'internal',
    inspectedOn: 'internal', concludedOn: 'internal', correctiveActions: 'internal', closingNote: 'internal', planTitle: 'internal',
  },
};

export const INSPECTION_RECORDS = [INSPECTION_FIELDS];
