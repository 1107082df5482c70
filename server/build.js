// Bundles the production entry (server/index.ts) and the standalone sync server (server/sync-main.ts)
// next to SvelteKit's adapter-node output. The entries hold only what runs before SvelteKit's handler
// is loaded (the configuration check, the slot); everything else, the sync server included, they take
// from SvelteKit's server bundle (server/processes.ts), so every module exists once at run time.
import { build } from 'esbuild';

/** What the entries may contain; anything more would be a second copy of code SvelteKit's bundle has. */
const ENTRY_ONLY = new Set([
	'server/index.ts',
	'server/sync-main.ts',
	'server/lifecycle.ts',
	'server/app.ts', // PROTOCOL_HEADER only: it must be set before the handler loads
	'src/lib/server/config.ts',
	'src/lib/server/slot.ts'
]);

const { metafile } = await build({
	entryPoints: { main: 'server/index.ts', sync: 'server/sync-main.ts' },
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	tsconfig: 'server/tsconfig.json',
	sourcemap: true,
	metafile: true,
	logLevel: 'warning'
});

const extra = Object.entries(metafile.outputs)
	.filter(([file]) => file.endsWith('.js'))
	.flatMap(([file, output]) =>
		Object.entries(output.inputs)
			.filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && !ENTRY_ONLY.has(input))
			.map(([input]) => `${file}: ${input}`)
	);
if (extra.length > 0) {
	console.error(`server/build.js: the entries would bundle their own copy of\n  ${extra.join('\n  ')}`);
	console.error("Import it in server/processes.ts (part of SvelteKit's bundle) instead.");
	process.exit(1);
}
