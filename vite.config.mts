import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  // recharts' peer react-is is not installed; the one function it uses is in client/lib/react-is.ts.
  resolve: { alias: { 'react-is': fileURLToPath(new URL('./client/lib/react-is.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./client/dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
