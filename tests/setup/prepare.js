// Makes sure the browser tests can run: Debian's Chromium at /usr/bin/chromium.
// Installs it with apt-get when it is missing and we are root (as on CI); otherwise explains what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
	if (process.getuid?.() !== 0) {
		console.error(`Browser tests need Chromium at ${CHROMIUM}: run "sudo apt-get install -y chromium" first.`);
		process.exit(1);
	}
	console.log('Installing Debian chromium for the browser tests…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execSync('apt-get update -qq', { stdio: 'inherit', env });
	execSync('apt-get install -y -qq chromium', { stdio: 'inherit', env });
}
console.log(`Chromium: ${execSync(`${CHROMIUM} --version`).toString().trim()}`);
