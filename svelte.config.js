import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { execSync } from 'node:child_process';

// One fixed version per build: with Vite 8 the client and server builds each load this file, and
// SvelteKit's default (Date.now()) then differs between them, which breaks hydration.
function buildVersion() {
	if (process.env.BUILD_VERSION) return process.env.BUILD_VERSION;
	try {
		return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return process.env.npm_package_version ?? 'dev';
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		version: { name: buildVersion() }
	}
};

export default config;
