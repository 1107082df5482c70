// Peers that build native code: @hocuspocus/extension-sqlite needs better-sqlite3, which ships no
// binary for this machine and compiles SQLite for minutes. They live in bench/peers with a lock file
// of their own, so the project's `npm ci` (and CI) never builds them; the benchmark installs them
// the first time a run asks for such a peer.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PEERS = fileURLToPath(new URL('../peers/', import.meta.url));
const require = createRequire(`${PEERS}package.json`);

/** Installs bench/peers from its lock file unless it is installed already. */
export function ensurePeers() {
	if (existsSync(`${PEERS}node_modules/@hocuspocus/extension-sqlite`)) return;
	console.log('Installing the native benchmark peers in bench/peers (compiles better-sqlite3, a few minutes)…');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS, stdio: 'inherit' });
}

/** Imports a package as bench/peers resolves it. */
export function peerImport(name) {
	return import(pathToFileURL(require.resolve(name)).href);
}
