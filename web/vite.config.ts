import { defineConfig } from 'vite';

// Preact's automatic JSX runtime through esbuild: no extra plugin needed.
// `npm run dev` proxies the API to a `kring serve` on :8080.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // CSP has no 'unsafe-inline' for scripts: never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    target: 'es2020',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
