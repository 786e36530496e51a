// Who may see which field of a news article. Everything an article says is public once published (the public sees
// published articles only, content.policy.ts); the bookkeeping (when it was written, its version, what the reader
// may do with it) is the publishing office's. Who wrote it is never presented: the office publishes, not a person.
import type { RecordClassification } from '../../app/privacy.js';

export const ARTICLE_FIELDS: RecordClassification = {
  record: 'news article',
  fields: {
    id: 'public', slug: 'public', kind: 'public', titleVi: 'public', titleEn: 'public', summaryVi: 'public', summaryEn: 'public',
    bodyVi: 'public', bodyEn: 'public', provinceCode: 'public', publisher: 'public', status: 'public', publishedAt: 'public', pageUrl: 'public',
    images: 'public', 'images.id': 'public', 'images.url': 'public', 'images.caption': 'public',
    createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
  },
};
