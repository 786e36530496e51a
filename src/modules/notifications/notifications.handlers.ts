// The outbox handlers of the notifications module: each reads who hears of the event and the facts its message
// names, then delivers (notifications.deliver.ts). Registered explicitly by the composition root.
import type { Db } from '../../app/db.js';
import type { EventName, Handler, OutboxEvents, OutboxWorker } from '../../app/outbox.js';
import { deliver, sendOnce, type DeliverDeps, type Delivery } from './notifications.deliver.js';
import type { MailTransport } from './notifications.mail.js';
import { invitationMessage, passwordResetMessage, signupEmailTakenMessage } from './notifications.messages.js';
import * as who from './notifications.recipients.js';
import { notices } from './notifications.templates.js';

type Plan<E extends EventName> = (p: OutboxEvents[E], db: Db) => Promise<Delivery[]>;

/** What each event tells whom. An event whose record is gone (a test database reset, say) tells no one. */
const plans: { [E in EventName]?: Plan<E> } = {
  'invitation.created': async (p, db) => {
    // The invitee has no account yet (their e-mail is sent apart); the entity's other members see who was invited.
    const entity = await who.entityFacts(db, p.entityId);
    if (!entity) return [];
    const others = (await who.entityMembers(db, p.entityId)).filter((u) => u.id !== p.invitedBy);
    return [{ notice: notices.invitation({ entityId: p.entityId, entityName: entity.name, email: p.email }), to: others }];
  },
  'entity.approved': async (p, db) => {
    const entity = await who.entityFacts(db, p.entityId);
    return entity ? [{ notice: notices.entityApproved({ entityId: p.entityId, entityName: entity.name }), to: await who.entityMembers(db, p.entityId) }] : [];
  },
  'entity.refused': async (p, db) => {
    const entity = await who.entityFacts(db, p.entityId);
    return entity ? [{ notice: notices.entityRefused({ entityId: p.entityId, entityName: entity.name, reason: p.reason }), to: await who.entityMembers(db, p.entityId) }] : [];
  },
  'dossier.returned': async (p, db) => {
    const d = await who.dossierFacts(db, p.dossierId);
    return d ? [{ notice: notices.dossierReturned({ dossierId: d.id, number: d.number, productName: d.productName, reasons: p.reasons }), to: await who.entityMembers(db, d.entityId) }] : [];
  },
  'dossier.forwarded': async (p, db) => {
    const d = await who.dossierFacts(db, p.dossierId);
    if (!d) return [];
    return [
      { notice: notices.dossierForwardedToOffice({ dossierId: d.id, number: d.number, productName: d.productName, entityName: d.entityName }), to: await who.provinceOfficers(db, d.provinceCode) },
      { notice: notices.dossierForwardedToEntity({ dossierId: d.id, number: d.number, productName: d.productName }), to: await who.entityMembers(db, d.entityId) },
    ];
  },
  'dossier.accepted': async (p, db) => {
    const d = await who.dossierFacts(db, p.dossierId);
    return d ? [{ notice: notices.dossierAccepted({ dossierId: d.id, number: d.number, productName: d.productName }), to: await who.entityMembers(db, d.entityId) }] : [];
  },
  'dossier.decided': async (p, db) => {
    const d = await who.dossierFacts(db, p.dossierId);
    if (!d) return [];
    const entity: Delivery = { notice: notices.dossierDecided({ dossierId: d.id, number: d.number, productName: d.productName, outcome: p.outcome, stars: p.stars }), to: await who.entityMembers(db, d.entityId) };
    if (p.outcome !== 'sent_to_central') return [entity];
    return [entity, { notice: notices.dossierAwaitsCentral({ dossierId: d.id, number: d.number, productName: d.productName, entityName: d.entityName }), to: await who.centralOfficers(db) }];
  },
  'session.scheduled': async (p, db) => {
    const s = await who.sessionFacts(db, p.sessionId);
    return s ? [{ notice: notices.sessionScheduled({ sessionId: s.id, title: s.title, councilName: s.councilName, scheduledOn: s.scheduledOn, location: s.location, mode: s.mode }), to: await who.councilMembers(db, p.councilId) }] : [];
  },
  'session.rescore_requested': async (p, db) => {
    const [s, item] = [await who.sessionFacts(db, p.sessionId), await who.sessionItemProduct(db, p.itemId)];
    if (!s || !item) return [];
    return [{ notice: notices.rescoreRequested({ sessionId: p.sessionId, itemId: p.itemId, sessionTitle: s.title, productName: item.productName, round: p.round, reason: p.reason }), to: await who.usersByIds(db, p.members) }];
  },
  'certificate.issued': async (p, db) => {
    const c = await who.certificateFacts(db, p.certificateId);
    return c ? [{ notice: notices.certificateIssued({ number: c.number, productName: c.productName, stars: c.stars }), to: await who.entityMembers(db, c.entityId) }] : [];
  },
  'certificate.rerating_window': async (p, db) => {
    const c = await who.certificateFacts(db, p.certificateId);
    return c ? [{ notice: notices.reratingWindow({ stage: p.stage, productId: c.productId, number: c.number, productName: c.productName, opensOn: p.opensOn, closesOn: p.closesOn, expiresOn: p.expiresOn }), to: await who.entityMembers(db, c.entityId) }] : [];
  },
  'certificate.revoked': async (p, db) => {
    const c = await who.certificateFacts(db, p.certificateId);
    return c ? [{ notice: notices.certificateRevoked({ number: c.number, productName: c.productName }), to: await who.entityMembers(db, c.entityId) }] : [];
  },
};

const handlerFor = <E extends EventName>(plan: Plan<E>, deps: DeliverDeps): Handler<E> =>
  async (p, db, log, event) => deliver(db, deps, event, await plan(p, db), log);

/** The e-mails with no account behind them or that no one may switch off (security mail), and the invitation. */
export function mailHandlers(mail: MailTransport, publicUrl: string) {
  const deps: DeliverDeps = { mail, publicUrl };
  const passwordReset: Handler<'password.reset_requested'> = async (p, db, log, event) => {
    const err = await sendOnce(db, deps, event, p.userId, async () => passwordResetMessage(p, publicUrl), log);
    if (err) throw err;
    log.info({ userId: p.userId }, 'password reset e-mail sent');
  };
  const invitation: Handler<'invitation.created'> = async (p, db, log, event) => {
    const entity = await who.entityFacts(db, p.entityId);
    // The invitee's address is the recipient key: they have no account, so no preferences either.
    const err = await sendOnce(db, deps, event, p.email.toLowerCase(), async () => invitationMessage({ email: p.email, token: p.token, entityName: entity?.name ?? null }, publicUrl), log);
    await handlerFor(plans['invitation.created']!, deps)(p, db, log, event);
    if (err) throw err;
    log.info({ entityId: p.entityId }, 'invitation e-mail sent');
  };
  const signupEmailTaken: Handler<'signup.email_taken'> = async (p, db, log, event) => {
    const err = await sendOnce(db, deps, event, p.userId, async () => signupEmailTakenMessage(p, publicUrl), log);
    if (err) throw err;
    log.info({ userId: p.userId }, 'sign-up with a taken e-mail: its owner told');
  };
  return { passwordReset, invitation, signupEmailTaken };
}

/** Registers every handler of the module on the worker: the security mail and every notice. */
export function registerNotificationHandlers(worker: OutboxWorker, mail: MailTransport, publicUrl: string): OutboxWorker {
  const deps: DeliverDeps = { mail, publicUrl };
  const m = mailHandlers(mail, publicUrl);
  worker.on('password.reset_requested', m.passwordReset).on('signup.email_taken', m.signupEmailTaken).on('invitation.created', m.invitation);
  for (const event of Object.keys(plans) as EventName[]) {
    if (event === 'invitation.created') continue;
    worker.on(event, handlerFor(plans[event] as Plan<typeof event>, deps) as never);
  }
  return worker;
}
