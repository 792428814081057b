import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web app: root is this folder, the build goes to <repo>/dist/web, which the server serves.
 * Nothing here reaches outside the machine: no CDN, no external URLs (P1).
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Same origin only, in the built app (the dev server needs inline scripts for hot reload). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // ws:/wss: as well: older Safari does not count a same-host WebSocket as 'self'.
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const contentSecurityPolicy: Plugin = {
  name: 'redline-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('public'),
  plugins: [react(), contentSecurityPolicy],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // During development the API and WebSocket come from a local `redline serve`.
    proxy: {
      '/api': 'http://127.0.0.1:8417',
      '/ws': { target: 'ws://127.0.0.1:8417', ws: true },
    },
  },
});
