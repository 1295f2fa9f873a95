import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: 'public',
  build: { outDir: 'dist', target: 'es2022', manifest: true, assetsInlineLimit: 0 },
  worker: { format: 'es' },
});
