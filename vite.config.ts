// Builds the web app (src/web) into dist/web, which the server serves at `/` when present. OCOP_WEB_DIST moves it
// (parallel checkouts building at once must not share one output folder). After the build, every text file gets a
// Brotli and a gzip copy beside it (scripts/precompress.ts), which the server sends as they are.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './scripts/precompress.js';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: process.env.OCOP_WEB_DIST ? resolve(process.env.OCOP_WEB_DIST) : '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
