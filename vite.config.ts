// Builds the web app (src/web) into dist/web, which the server serves at `/` when present. OCOP_WEB_DIST moves it
// (parallel checkouts building at once must not share one output folder).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: process.env.OCOP_WEB_DIST ? resolve(process.env.OCOP_WEB_DIST) : '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
