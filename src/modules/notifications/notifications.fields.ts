// Who may see which field of the notification centre (see src/app/privacy.ts). A person's notifications and
// choices are theirs alone (internal: the routes answer only the caller's own). The development mailbox is served
// only on a development server to localhost; its addresses and texts are classified internal all the same.
import type { RecordClassification } from '../../app/privacy.js';

const internal = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'internal' as const]));

export const NOTIFICATION_FIELDS: RecordClassification = {
  record: 'notification',
  fields: internal('items', 'id', 'kind', 'title', 'title.vi', 'title.en', 'body', 'body.vi', 'body.en', 'link', 'createdAt', 'readAt', 'unread', 'nextCursor'),
};

export const NOTIFICATION_PREFERENCE_FIELDS: RecordClassification = {
  record: 'notification preference',
  fields: internal('items', 'kind', 'email', 'app', 'language'),
};

export const MAILBOX_FIELDS: RecordClassification = {
  record: 'development mailbox message',
  fields: { items: 'public', id: 'public', date: 'public', to: 'internal', subject: 'internal', text: 'internal' },
};

export const NOTIFICATIONS_RECORDS = [NOTIFICATION_FIELDS, NOTIFICATION_PREFERENCE_FIELDS, MAILBOX_FIELDS];
