// English texts of the workspace homes: the to-do list of each role, the producer's summary, the commune picker.
import type { todoVi } from './todo.vi.js';

/** The same keys as the Vietnamese texts (a missing or extra key fails the type check). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const todoEn: Shape<typeof todoVi> = {
  todo: {
    title: 'To do',
    intro: 'Ordered by legal deadline; overdue items are marked.',
    empty: 'Nothing to do right now.',
    shown: 'Showing {{shown}} of {{total}} items',
    overdueCount_one: '{{count}} item overdue',
    overdueCount_other: '{{count}} items overdue',
    due: 'Due: {{date}}',
    overdue: 'Overdue',
    lateWindow: 'Filing window closed: a late filing (Article 12.3)',
    windowOpen: 'Re-rating filing deadline',
    daysLeft: '{{n}} working days left',
    late: '{{n}} working days late',
    number: 'No. {{number}}',
    reasons: 'Returned because: {{text}}',
    submittedOn: 'Submitted {{date}}',
    revokedOn: 'Revoked {{date}}',
    foundOn: 'Concluded on {{date}}',
    issuedOn: 'Issued {{date}}',
    scheduledOn: 'Meeting on {{date}}',
    open: 'Open',
    kind: {
      commune_review: 'Write the Form 03 report (15 working days)',
      commune_forward: 'Forward the dossier and its Form 03 report to the province',
      entity_pending: 'Approve a registered entity',
      dossier_accept: 'Check and accept the dossier',
      dossier_schedule: 'Put the dossier on a council session',
      dossier_decide: 'Decide on recognition from the council\'s result',
      rerating_window: 'Re-rating: the certificate expires soon',
      session_scoring: 'Score in an open session',
      advisory_review: 'Advisory review of the dossier',
      revocation_proposed: 'Revocation proposed by an inspection: decide within 15 days (Article 8.4)',
      revocation_late: 'Revoked more than 15 days after the finding (Article 8.4)',
      revocation: 'Certificate revoked',
      certificate_issued: 'New certificate: post-recognition check',
      dossier_returned: 'Complete a returned dossier',
      dossier_missing_files: 'Dossier without evidence documents',
      dossier_draft: 'Finish and submit the dossier',
      document_expiring: 'Document expiring or expired',
      entity_status: 'Entity not yet approved by the commune',
    },
    home: {
      council: 'Open council sessions waiting for your scores.',
      advisory: 'Accepted dossiers waiting for the advisory team\'s review.',
      inspector: 'Certificates and revocations in your scope.',
      shortcuts: 'Shortcuts',
      certificates: 'Certificate register',
    },
  },
  summary: {
    products: 'Products',
    certified: 'OCOP rated',
    registered: 'Registered',
    draft: 'Drafts',
    editProfile: 'Edit the entity\'s profile',
    allProducts: 'All products',
    noProducts: 'No products yet.',
  },
  picker: {
    commune: 'Commune, ward',
    typeToSearch: 'Type the commune\'s name (diacritics optional)',
    none: 'No commune found',
  },
  scopeNames: {
    commune: '{{commune}}, {{province}}',
  },
};
