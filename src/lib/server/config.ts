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
	/** Loopback by default: reachable from this machine only until HOST and ORIGIN are set on purpose. */
	HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
	ORIGIN: z.url({ error: 'must be a full URL such as https://doetank.example.nl' }).optional(),
	DATABASE_URL: z
		.string()
		.regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
		.default('file:data/doetank.db'),
	DATABASE_AUTH_TOKEN: z.string().min(1, 'must not be empty when set').optional(),
	/** Embedded replica: DATABASE_URL (a file) is a local copy of the libSQL server here; writes go to it. */
	DATABASE_SYNC_URL: z
		.string()
		.regex(/^(libsql:|https?:|wss?:)\/\/\S+$/, 'must be the URL of a libSQL server: libsql://, http(s):// or ws(s)://')
		.optional(),
	/** Embedded replica: how often the local copy pulls what others wrote from the server (seconds). */
	DATABASE_SYNC_INTERVAL_S: positiveInt(1),
	/** Embedded replica: pulls on demand (unknown session, a document's log) start at least this far apart (ms). */
	DATABASE_SYNC_MIN_GAP_MS: positiveInt(100),
	/** An embedded database's WAL is copied into the file by a worker thread this often, off the event loop (ms). */
	DATABASE_CHECKPOINT_MS: positiveInt(1_000),
	REGISTRATION: z.enum(['open', 'invite'], { error: 'must be "open" or "invite"' }).default('open'),
	/** Unset: the demo network only while listening on loopback. 1: also elsewhere. 0: demo accounts locked out. */
	DEMO: flag.optional(),
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
	/** Upgrades waiting for their turn after a burst (e.g. a café's wifi back); more get 503. */
	SYNC_MAX_WAITING_UPGRADES: positiveInt(1_000),
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
	/** An automatic history version is cut this long after the first edit since the last one, and when the last person leaves (ms). */
	HISTORY_VERSION_INTERVAL_MS: positiveInt(600_000),
	/** Bytes the versions of one Doetank's document may hold together; past it automatic versions are thinned (oldest first). */
	HISTORY_MAX_BYTES: positiveInt(64 * 1024 * 1024),
	/** Named versions one Doetank may hold; one more is refused (409). They may also fill at most half of HISTORY_MAX_BYTES. */
	HISTORY_MAX_NAMED_VERSIONS: positiveInt(100),
	/** Port of the standalone sync server (`npm run sync`). */
	SYNC_PORT: port.default(3001),
	/** Where browsers reach the sync server when it runs standalone, e.g. wss://sync.example.nl/sync. */
	PUBLIC_SYNC_URL: z.url({ error: 'must be a full URL such as wss://sync.example.nl/sync' }).optional(),
	/** GET /metrics answers only to "Authorization: Bearer <token>"; without a token it is 404. */
	METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
	/** Open server-sent-event streams (dashboard, café live view) one account may hold at once. */
	SSE_MAX_STREAMS_PER_USER: positiveInt(4),
	/** Longest comment or reply on the workspace's texts (characters). */
	COMMENT_MAX_BODY_CHARS: positiveInt(2000),
	/** Comments (threads, resolved ones included) one Doetank may hold; replies are counted per thread. */
	COMMENT_MAX_PER_DOETANK: positiveInt(1000),
	/** Replies one comment may hold. */
	COMMENT_MAX_REPLIES: positiveInt(100),
	/** Comments and replies one account may post per minute, over all Doetanks. */
	COMMENT_MAX_PER_USER_PER_MINUTE: positiveInt(20),
	/** Several instances share documents, presence and access changes over this Redis (redis:// or rediss://). */
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379')
		.optional(),
	/** Multi-instance: how long a client's update that builds on content another instance logged may wait for it; then close 4509 (ms). */
	SCALE_HOLD_MS: positiveInt(3_000).pipe(
		z.number().max(60_000, 'must be at most 60000: later messages of that socket wait behind the held update')
	),
	/** Multi-instance: how long a gap in the sequence from the other instances may stay open before the log fills it (ms). */
	SCALE_CATCH_UP_MS: positiveInt(250),
	/** Multi-instance: updates from other instances one document may keep waiting for what they build on; past it the log is read at once... */
	SCALE_MAX_WAITING_UPDATES: positiveInt(500),
	/** ...or this many bytes of them (the waiting ones are then dropped: the log has them). */
	SCALE_MAX_WAITING_BYTES: positiveInt(4 * 1024 * 1024),
	/** Multi-instance: how often each instance tells the others it is alive (ms)... */
	SCALE_BEAT_MS: positiveInt(1_000),
	/** ...and how many beats in a row it may miss before the others count it gone (its clients' presence goes). */
	SCALE_MISSED_BEATS: positiveInt(3).pipe(
		z.number().min(2, 'must be at least 2: one late beat must not count a live instance as gone')
	)
});

export type Config = z.infer<typeof ConfigSchema> & {
	/** Whether the demo network is served: DEMO when given, otherwise only on a loopback HOST. */
	demoActive: boolean;
};

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
	const h = host.replace(/^\[|\]$/g, '').toLowerCase();
	return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

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
	if (parsed.success) {
		const loopback = isLoopback(parsed.data.HOST);
		const problems: string[] = [];
		// Off loopback, links in invitations and the CSRF check must not trust the request's Host header.
		if (!loopback && !parsed.data.ORIGIN) {
			problems.push(`ORIGIN: must be set when HOST=${parsed.data.HOST} is reachable from other machines`);
		}
		// The log is read at once for a held update, but a gap after it only after the catch-up delay.
		if (parsed.data.SCALE_CATCH_UP_MS >= parsed.data.SCALE_HOLD_MS) {
			problems.push(
				`SCALE_CATCH_UP_MS: must be shorter than SCALE_HOLD_MS (${parsed.data.SCALE_HOLD_MS}), or a held update is refused before the gap it waits for is filled`
			);
		}
		const { DATABASE_URL, DATABASE_SYNC_URL } = parsed.data;
		if (DATABASE_SYNC_URL && !/^file:(?!:memory:$)./.test(DATABASE_URL)) {
			problems.push(
				`DATABASE_SYNC_URL: needs DATABASE_URL to be a database file (file:path), the local replica; it is ${DATABASE_URL}`
			);
		}
		if (problems.length > 0) throw new ConfigError(problems);
		return { ...parsed.data, demoActive: parsed.data.DEMO ?? loopback };
	}
	throw new ConfigError(
		parsed.error.issues.map((issue) => {
			const name = String(issue.path[0]);
			// A Redis or libSQL URL may carry its password: named, never shown.
			const shown = name === 'REDIS_URL' || name === 'DATABASE_SYNC_URL' ? '(hidden)' : JSON.stringify(input[name]);
			return `${name}=${shown}: ${issue.message}`;
		})
	);
}
