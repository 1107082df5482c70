// `npm test` after prepare.js: the checks, the build and both test suites. Each step starts as soon
// as the steps it needs have passed, beside whatever else runs then. Every line of output carries
// its step's name; the exit code is non-zero when any step failed or could not start.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run check`'s commands (package.json, with the scripts it runs spelled out), less its own
 * `svelte-kit sync`, which the sync step ran. Each is a step of its own: they are mostly
 * single-threaded, so side by side they use both cores (one after the other 63 s; session 11).
 */
const SYNC = 'svelte-kit sync';
const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** @type {(script: string) => string[]} */
const commandsOf = (script) =>
	script.split('&&').flatMap((part) => {
		const command = part.trim();
		const called = /^npm run (\S+)$/.exec(command)?.[1];
		return called && scripts[called] ? commandsOf(scripts[called]) : [command];
	});
/** @type {Record<string, { command: string, needs: string[] }>} */
const CHECKS = {};
for (const command of commandsOf(scripts.check).filter((c) => c !== SYNC)) {
	// Named by the program; a second command of the same program gets a number, never replaces the first.
	const name = `check:${command.split(' ')[0]}`;
	let unique = name;
	for (let n = 2; unique in CHECKS; n++) unique = `${name}#${n}`;
	CHECKS[unique] = { command, needs: ['build'] };
}

/**
 * Each step: its shell command and the steps it needs. On two cores the browser tests get the
 * machine to themselves: beside Vitest's servers (three instances and a Redis in the scale-out
 * tests) and the type checker, their two Chromiums missed 60 s test timeouts (session 7).
 */
/** @type {Record<string, { command: string, needs: string[] }>} */
const STEPS = {
	// The generated types first: check and build would otherwise both write them at once.
	sync: { command: SYNC, needs: [] },
	build: { command: 'npm run --silent build', needs: ['sync'] },
	// The checks after the build, whose own sync rewrote the generated types under check's feet when
	// both ran at once (ENOENT, session 7). Then the unit and integration tests: one after the other
	// the checks and Vitest took 76 s + 105 s, side by side 216 s, as both keep the two cores busy
	// (session 10).
	...CHECKS,
	vitest: { command: 'vitest run', needs: Object.keys(CHECKS) },
	playwright: { command: 'playwright test -c tests/playwright.config.ts', needs: [...Object.keys(CHECKS), 'vitest'] }
};

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
/** @type {Map<string, Promise<{ name: string, ok: boolean, seconds: number, skipped?: boolean }>>} */
const runs = new Map();
/**
 * @param {string} name
 * @returns {Promise<{ name: string, ok: boolean, seconds: number, skipped?: boolean }>}
 */
function start(name) {
	let promise = runs.get(name);
	if (!promise) {
		const step = STEPS[name];
		if (!step) throw new Error(`no step ${name}`);
		const { command, needs } = step;
		promise = Promise.all(needs.map((need) => start(need))).then((before) =>
			before.every((r) => r.ok) ? run([name, command]) : { name, ok: false, seconds: 0, skipped: true }
		);
		runs.set(name, promise);
	}
	return promise;
}
const results = await Promise.all(Object.keys(STEPS).map((name) => start(name)));
const total = Math.round((Date.now() - started) / 1000);
const said = (/** @type {{ name: string, ok: boolean, seconds: number, skipped?: boolean }} */ r) =>
	r.skipped ? `${r.name} NOT RUN` : `${r.name} ${r.ok ? 'passed' : 'FAILED'} (${r.seconds} s)`;
console.log(`\n${results.map(said).join(', ')}`);
console.log(`total ${total} s`);
process.exit(results.some((r) => !r.ok) ? 1 : 0);
