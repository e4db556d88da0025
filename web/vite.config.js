// Vite 5 build of the danvan web front end.  JSX is compiled by Vite's own
// esbuild step for Preact (no plugin); the result goes to web/dist and is
// served by `danvan serve --web web/dist` under a strict CSP
// (default-src 'self'), so nothing is inlined and nothing is fetched from
// elsewhere.
import { defineConfig } from 'vite';

export default defineConfig({
	base: '/',
	esbuild: {
		jsx: 'automatic',
		jsxImportSource: 'preact',
	},
	build: {
		outDir: 'dist',
		assetsDir: 'assets',
		emptyOutDir: true,
		target: 'es2020',
		// Keep every asset a file: the CSP forbids data: scripts and inline code.
		assetsInlineLimit: 0,
		modulePreload: { polyfill: false },
		sourcemap: false,
	},
	server: {
		// `npm run dev` talks to a local `danvan serve --listen 127.0.0.1:8080`.
		proxy: { '/api': 'http://127.0.0.1:8080' },
	},
});
