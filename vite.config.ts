import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app (src/web) builds into dist/web; `rapport serve` serves that folder.
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4780' } },
});
