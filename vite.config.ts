import { defineConfig } from 'vite';

// The demo geoportal (`npm start`) is served from `demo/`; library builds use tsc (see package.json).
export default defineConfig({
  root: 'demo',
  publicDir: false,
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['..'] } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
