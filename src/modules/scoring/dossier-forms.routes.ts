// The dossier's paper forms as PDF (Phụ lục III): Mẫu 01, 02 and 03, filled from the data.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../app/errors.js';
import { fileSlug } from '../../app/file-names.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition } from '../../app/security-headers.js';
import { requireUser } from '../accounts/index.js';
import { addressLine, placeName } from '../geo/index.js';
import { getEntity, getProduct } from '../registry/index.js';
import { canReadDossier, DOSSIER_READERS } from './dossiers.policy.js';
import { getDossier, listDossierFiles } from './dossiers.repo.js';
import { form01, form02, form03 } from './forms-pdf.js';
import { RULES } from './rules.data.js';
import { evaluate } from './scoring.rules.js';
import { getSheet } from './sheets.data.js';

export const dossierFormRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/dossiers/:id/forms/:form', {
    config: { access: DOSSIER_READERS },
    schema: { tags: ['dossiers'], summary: 'Mẫu 01 (registration), 02 (self-assessment) or 03 (commune report) as PDF in the decree\'s layout', params: z.strictObject({ id: z.uuid(), form: z.enum(['01.pdf', '02.pdf', '03.pdf']) }) },
  }, async (req, reply) => {
    requireUser(req);
    const row = await getDossier(db, req.params.id);
    if (!row || !canReadDossier(req.actor, row.dossier)) throw notFound('dossier', 'hồ sơ');
    const d = row.dossier;
    const p = (await getProduct(db, d.productId))!;
    const e = (await getEntity(db, d.entityId))!;
    const place = placeName(row.communeName);
    // The entity's street address with its commune and province, each once (a typed address often names them).
    const address = addressLine(e.entity.address, e.communeName, e.provinceName);
    let pdf: Buffer;
    if (req.params.form === '01.pdf') {
      pdf = await form01({
        provinceName: row.provinceName, year: d.registration.year, number: d.number, type: d.type, registration: { ...d.registration, address: addressLine(d.registration.address, row.communeName, row.provinceName) },
        classification: `${p.set.sectorName} – ${p.set.groupName} – ${p.set.name}`, place, submittedOn: d.submittedOn, receivedByCommune: d.submittedOn, forwardedOn: d.forwardedOn,
      });
    } else if (req.params.form === '02.pdf') {
      const sheet = getSheet(d.sheet, d.instrument)!;
      const ev = evaluate(sheet, d.answers, RULES, undefined, { knockOuts: d.knockOuts, conditions: d.conditions });
      const evidence: Record<string, string[]> = {};
      for (const f of await listDossierFiles(db, d.id)) if (f.criterionCode) (evidence[f.criterionCode] ??= []).push(f.caption ? `${f.caption} (${f.originalName})` : f.originalName);
      pdf = await form02({
        sheet, answers: d.answers, answerNotes: d.answerNotes, evidence, selfReport: d.selfReport,
        entity: { name: e.entity.name, address, phone: e.entity.phone, email: e.entity.email },
        total: ev.total, parts: ev.parts, stars: ev.stars, type: d.type, place, date: d.submittedOn,
      });
    } else {
      pdf = await form03({
        communeName: row.communeName, provinceName: row.provinceName, place, productName: p.product.name,
        entity: { name: e.entity.name, type: e.entity.type, address, representative: e.entity.representative },
        review: d.communeReview,
      });
    }
    reply.header('content-type', 'application/pdf').header('cache-control', 'private, max-age=0')
      .header('content-disposition', contentDisposition('inline', `mau-${req.params.form.slice(0, 2)}-${fileSlug(d.number)}.pdf`));
    return reply.send(pdf);
  });
};
