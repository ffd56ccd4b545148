import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // assetsInlineLimit 0: no asset becomes a data: URL, which the app's CSP (img-src 'self' blob:) would refuse.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 },
});
