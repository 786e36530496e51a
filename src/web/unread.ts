// The unread count behind the header's bell. Asked for cheaply (GET /notifications/unread-count, one indexed count):
// when the page changes, every 60 s while the tab is visible, when the tab comes back into view, and at once when
// the notification centre marks something read (announceUnreadChanged).
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from './api.js';

const CHANGED = 'ocop:unread-changed';
const EVERY_MS = 60_000;

/** Tells the bell to ask again now (after marking notifications read). */
export function announceUnreadChanged() {
  window.dispatchEvent(new Event(CHANGED));
}

/** The logged-in user's unread notifications; 0 when nobody is logged in, and until the count is had. */
export function useUnreadCount(loggedIn: boolean): number {
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    if (!loggedIn) { setUnread(0); return; }
    let live = true;
    const ask = () => {
      api.get<{ unread: number }>('/api/v1/notifications/unread-count')
        .then((r) => { if (live) setUnread(r.unread); })
        .catch(() => { /* the bell stays as it was: a missed poll is not worth an error on every page */ });
    };
    const whenVisible = () => { if (document.visibilityState === 'visible') ask(); };
    ask();
    const timer = window.setInterval(whenVisible, EVERY_MS);
    document.addEventListener('visibilitychange', whenVisible);
    window.addEventListener(CHANGED, ask);
    return () => {
      live = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', whenVisible);
      window.removeEventListener(CHANGED, ask);
    };
  }, [loggedIn, pathname]);

  return unread;
}
