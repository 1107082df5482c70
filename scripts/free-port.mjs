import { createServer } from 'node:net';

/**
 * Asks the OS for a free loopback port by binding to port 0 (tests, benchmarks, `npm run cluster`).
 * Plain JavaScript with JSDoc types, so the scripts run it as it is and the TypeScript tests import it.
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				address && typeof address === 'object'
					? resolve(address.port)
					: reject(new Error('could not determine a free port'))
			);
		});
	});
}
