// Who is logged in. Anonymous visitors never call /auth/me: a hint in localStorage says a session may exist.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken } from './api.js';
import type { Session, User } from './types.js';

const HINT = 'ocop.session';
type SessionState = {
  user: User | null;
  ready: boolean;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
};
const Ctx = createContext<SessionState | null>(null);

function hasHint() { try { return localStorage.getItem(HINT) === '1'; } catch { return false; } }
function setHint(on: boolean) { try { if (on) localStorage.setItem(HINT, '1'); else localStorage.removeItem(HINT); } catch { /* ignore */ } }

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(!hasHint());

  useEffect(() => {
    if (!hasHint()) return;
    api.get<Session>('/api/v1/auth/me')
      .then((s) => { setCsrfToken(s.csrfToken); setUser(s.user); })
      .catch((e: unknown) => { if (e instanceof ApiError && e.status === 401) setHint(false); })
      .finally(() => setReady(true));
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const s = await api.post<Session>('/api/v1/auth/login', { email, password });
    setCsrfToken(s.csrfToken);
    setHint(true);
    setUser(s.user);
    return s.user;
  }, []);
  const logout = useCallback(async () => {
    try { await api.post('/api/v1/auth/logout'); } finally {
      setCsrfToken(null);
      setHint(false);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, ready, login, logout }), [user, ready, login, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
