import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build');

/** The text of every JavaScript file of the build (not the client's: those run in the browser). */
function serverCode(): string[] {
	return readdirSync(BUILD, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.js') && !file.startsWith('client'))
		.map((file) => readFileSync(path.join(BUILD, file), 'utf8'));
}

/** Definitions as esbuild and Rollup write them: `function name(` or `name = class`. */
const definitions = (code: string[], name: string) =>
	code.reduce(
		(n, text) => n + (text.match(new RegExp(`function ${name}\\(|\\b${name} = class\\b`, 'g'))?.length ?? 0),
		0
	);

// The entries (build/main.js, build/sync.js) take the sync server and everything it uses from
// SvelteKit's server bundle (server/processes.ts through the slot): an instanceof across a second
// copy would fail silently. server/build.js refuses to bundle more; this looks at the result.
describe('the built server', () => {
	const code = serverCode();
	it.each(['readDocument', 'migrateWorkspace', 'can', 'createServices', 'createSyncServer', 'serveWeb', 'AppError'])(
		'defines %s exactly once',
		(name) => {
			expect(definitions(code, name)).toBe(1);
		}
	);
});
