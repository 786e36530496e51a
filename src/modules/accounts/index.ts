// accounts: people, roles and the administrative scope each acts in; sessions and API tokens.
export { accountsRoutes } from './accounts.routes.js';
export { registerAuthentication, requireUser, SESSION_COOKIE, toActor } from './accounts.auth.js';
export { createUser, type NewUser } from './commands/create-user.js';
export { joinEntity } from './commands/join-entity.js';
export { getUserByEmail, getUserById } from './accounts.repo.js';
export { takeAttempt } from './accounts.limiter.js';
export { BUDGETS } from './accounts.rules.js';
export { presentUser } from './accounts.present.js';
export { acceptedResponse, email, password, user } from './accounts.contract.js';
export { appUser } from './accounts.tables.js';
