import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { devSync } from './server/dev-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), devSync()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 60_000,
		fileParallelism: true
	}
});
