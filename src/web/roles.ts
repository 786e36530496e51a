// Which workspace a role gets. The rules about what each may do stay on the server (see `actions` in responses).
import type { User } from './types.js';

export const isOfficer = (u: User) => u.role === 'central' || u.role === 'province' || u.role === 'commune';
