// `npm test` after prepare.js: the checks, the build and both test suites, in three stages. Within a
// stage the steps run side by side, because each of them alone leaves a core idle much of the time
// (type checkers run on one thread; the tests wait on servers, browsers and timers). Every line of
// output carries its step's name; the exit code is non-zero when any step failed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Stage by stage; a stage starts once every step of the one before it passed. */
const STAGES = [
	// The generated types first: check and build would otherwise both write them at once.
	{ sync: 'svelte-kit sync' },
	// The type checks, lint and cycle check need no build; the build needs no checks.
	{ check: 'npm run --silent check', build: 'npm run --silent build' },
	// Unit and integration tests (Vitest) and the browser tests (Playwright), both against the build.
	{ vitest: 'vitest run', playwright: 'playwright test -c tests/playwright.config.ts' }
];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };

/**
 * @param {[string, string]} step name and shell command
 * @returns {Promise<{ name: string, ok: boolean, seconds: number }>}
 */
function run([name, command]) {
	const started = Date.now();
	const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
	for (const stream of [child.stdout, child.stderr]) {
		createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
	}
	return new Promise((resolve) => {
		child.on('close', (code, signal) => {
			const seconds = Math.round((Date.now() - started) / 1000);
			console.log(`[${name}] ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit code ${code}`})`} in ${seconds} s`);
			resolve({ name, ok: code === 0, seconds });
		});
	});
}

const started = Date.now();
/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];
for (const stage of STAGES) {
	const done = await Promise.all(Object.entries(stage).map(run));
	results.push(...done);
	if (done.some((r) => !r.ok)) break;
}
const total = Math.round((Date.now() - started) / 1000);
console.log(`\n${results.map((r) => `${r.name} ${r.ok ? 'passed' : 'FAILED'} (${r.seconds} s)`).join(', ')}`);
console.log(`total ${total} s`);
process.exit(results.some((r) => !r.ok) ? 1 : 0);
