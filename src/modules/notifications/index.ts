// notifications: messages to people — e-mail over SMTP, or .eml files in the data folder when no SMTP server is set.
export { createMailTransport, type MailMessage, type MailTransport } from './notifications.mail.js';
export { mailHandlers } from './notifications.handlers.js';
export { forgotLink, invitationLink, resetLink } from './notifications.messages.js';
