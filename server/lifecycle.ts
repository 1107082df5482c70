import { ConfigError, loadConfig, type Config } from '../src/lib/server/config';

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

/** Runs `stop` once on SIGTERM/SIGINT and exits; a stop that hangs is cut off after 5 s. */
export function exitOnSignals(log: { info(obj: object, msg: string): void }, stop: () => Promise<void>): void {
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
