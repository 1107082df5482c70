import { z } from 'zod';

const flag = z
	.enum(['0', '1', 'true', 'false', 'on', 'off'], {
		error: 'use 1/0, true/false or on/off'
	})
	.transform((v) => v === '1' || v === 'true' || v === 'on');

const positiveInt = (fallback: number) =>
	z.coerce
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.default(fallback);

const port = z.coerce
	.number({ error: 'must be a whole number' })
	.int('must be a whole number')
	.min(1, 'must be between 1 and 65535')
	.max(65535, 'must be between 1 and 65535');

const ConfigSchema = z.object({
	PORT: port.default(3000),
	HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
	ORIGIN: z.url({ error: 'must be a full URL such as https://doetank.example.nl' }).optional(),
	DATABASE_URL: z
		.string()
		.regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
		.default('file:data/doetank.db'),
	DATABASE_AUTH_TOKEN: z.string().min(1, 'must not be empty when set').optional(),
	REGISTRATION: z.enum(['open', 'invite'], { error: 'must be "open" or "invite"' }).default('open'),
	DEMO: flag.default(true),
	LOG_LEVEL: z
		.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
			error: 'must be one of fatal, error, warn, info, debug, trace, silent'
		})
		.default('info'),
	/** Largest websocket message the sync server accepts (bytes). */
	SYNC_MAX_MESSAGE_BYTES: positiveInt(1024 * 1024),
	/** A client that stops reading is dropped when this much is waiting to be sent to it (bytes). */
	SYNC_MAX_BUFFERED_BYTES: positiveInt(8 * 1024 * 1024),
	/** How long a document stays loaded after its last client left (ms). */
	SYNC_GRACE_MS: positiveInt(10_000),
	/** Interval of heartbeat pings; a socket that missed one is dropped, within two intervals (ms). */
	SYNC_HEARTBEAT_MS: positiveInt(4_000),
	/** Largest awareness message (presence, caret) one connection may send; larger ones are dropped (bytes). */
	SYNC_MAX_AWARENESS_BYTES: positiveInt(8 * 1024),
	/** Open sync sockets per user, over all Doetanks; a further upgrade gets HTTP 429. */
	SYNC_MAX_SOCKETS_PER_USER: positiveInt(16),
	/** Update budget per user over all sockets, sustained (a burst of 10 s worth passes): count... */
	SYNC_USER_UPDATES_PER_SECOND: positiveInt(100),
	/** ...and bytes; past either the socket is closed with 4529 and the client waits before reconnecting. */
	SYNC_USER_BYTES_PER_SECOND: positiveInt(1024 * 1024),
	/** Cap on a document's encoded state; an update that would pass it is refused (bytes). */
	SYNC_MAX_DOCUMENT_BYTES: positiveInt(16 * 1024 * 1024),
	/** Compaction folds the update log into a snapshot when it holds this many updates... */
	SYNC_COMPACT_UPDATES: positiveInt(500),
	/** ...or this many bytes. */
	SYNC_COMPACT_BYTES: positiveInt(1024 * 1024),
	/** Port of the standalone sync server (`npm run sync`). */
	SYNC_PORT: port.default(3001),
	/** Where browsers reach the sync server when it runs standalone, e.g. wss://sync.example.nl/sync. */
	PUBLIC_SYNC_URL: z.url({ error: 'must be a full URL such as wss://sync.example.nl/sync' }).optional(),
	/** When set, GET /metrics needs "Authorization: Bearer <token>". */
	METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional()
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Reads the configuration from the environment; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>): Config {
	const input = Object.fromEntries(
		Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]])
	);
	const parsed = ConfigSchema.safeParse(input);
	if (parsed.success) return parsed.data;
	throw new ConfigError(
		parsed.error.issues.map((issue) => {
			const name = String(issue.path[0]);
			return `${name}=${JSON.stringify(input[name])}: ${issue.message}`;
		})
	);
}
