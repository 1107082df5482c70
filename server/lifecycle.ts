import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from '$lib/server/config';
import type { Services } from '$lib/server/services';

/** Reads the configuration or exits with EX_CONFIG (78), naming every bad variable. */
export function configOrExit(): Config {
	try {
		return loadConfig(process.env);
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(err.message);
			process.exit(78);
		}
		throw err;
	}
}

/**
 * On SIGTERM/SIGINT: stop taking requests, close the sync server (which drains the update log),
 * close the database and exit; a stop that hangs is cut off after 5 s.
 */
export function exitOnSignals(
	server: Server,
	sync: { close(): Promise<void> },
	services: Pick<Services, 'log' | 'close'>
): void {
	const stop = async () => {
		server.close();
		server.closeAllConnections();
		await sync.close();
		services.close();
	};
	const log = services.log;
	let stopping = false;
	const onSignal = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info({ signal }, 'shutting down');
		setTimeout(() => process.exit(0), 5000).unref();
		stop().finally(() => process.exit(0));
	};
	process.on('SIGTERM', () => onSignal('SIGTERM'));
	process.on('SIGINT', () => onSignal('SIGINT'));
}

/** Reports a start-up failure and exits non-zero. */
export function failedToStart(err: unknown): never {
	console.error('Doetank Werkplaats could not start:', err);
	process.exit(1);
}
