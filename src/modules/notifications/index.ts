// notifications: messages to people — e-mail over SMTP (or .eml files in the data folder when no SMTP server is set)
// and the in-app notification centre, with each person's choice of channels per kind.
export { createMailTransport, type MailMessage, type MailTransport } from './notifications.mail.js';
export { mailHandlers, registerNotificationHandlers } from './notifications.handlers.js';
export { forgotLink, invitationLink, resetLink } from './notifications.messages.js';
export { notificationRoutes, devMailboxEnabled } from './notifications.routes.js';
export { NOTIFICATION_KINDS, type NotificationKind } from './notifications.contract.js';
