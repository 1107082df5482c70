// Bundles the production entry (server/index.ts) and the standalone sync server (server/sync-main.ts)
// next to SvelteKit's adapter-node output.
import { build } from 'esbuild';

await build({
	entryPoints: { main: 'server/index.ts', sync: 'server/sync-main.ts' },
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	tsconfig: 'server/tsconfig.json',
	sourcemap: true,
	logLevel: 'warning'
});
