import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `npm run dev` runs the API; Vite forwards /api and the live socket there. */
const api = `http://127.0.0.1:${process.env.STEWARD_API_PORT ?? '3000'}`;

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No source maps in the build the server serves; `npm run dev` has them.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: true },
    },
  },
});
