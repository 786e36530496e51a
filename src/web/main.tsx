// Entry point: Mantine, i18n, the session, and the routes. Public pages are in this bundle; the workspaces and
// the login page load on demand so the catalogue stays light on a cheap phone.
import '@mantine/core/styles.css';
import './styles.css';
import { languageReady } from './i18n/index.js';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { SessionProvider } from './session.js';
import { theme } from './theme.js';

// After the visitor's language is ready: one who chose English never sees the Vietnamese first.
void languageReady.then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
));
