import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function problems(env: Record<string, string>): string[] {
	try {
		loadConfig(env);
	} catch (err) {
		if (err instanceof ConfigError) return err.problems;
		throw err;
	}
	return [];
}

describe('loadConfig', () => {
	it('has working defaults for an empty environment', () => {
		expect(loadConfig({})).toEqual({
			PORT: 3000,
			HOST: '127.0.0.1',
			DATABASE_URL: 'file:data/doetank.db',
			DATABASE_CHECKPOINT_MS: 1000,
			DATABASE_SYNC_INTERVAL_S: 1,
			DATABASE_SYNC_MIN_GAP_MS: 100,
			REGISTRATION: 'open',
			demoActive: true,
			LOG_LEVEL: 'info',
			SYNC_MAX_MESSAGE_BYTES: 1024 * 1024,
			SYNC_MAX_BUFFERED_BYTES: 8 * 1024 * 1024,
			SYNC_GRACE_MS: 10_000,
			SYNC_HEARTBEAT_MS: 4_000,
			SYNC_MAX_AWARENESS_BYTES: 8 * 1024,
			SYNC_MAX_SOCKETS_PER_USER: 16,
			SYNC_MAX_WAITING_UPGRADES: 1000,
			SYNC_USER_UPDATES_PER_SECOND: 100,
			SYNC_USER_BYTES_PER_SECOND: 1024 * 1024,
			SYNC_MAX_DOCUMENT_BYTES: 16 * 1024 * 1024,
			SYNC_COMPACT_UPDATES: 500,
			SYNC_COMPACT_BYTES: 1024 * 1024,
			HISTORY_VERSION_INTERVAL_MS: 600_000,
			HISTORY_MAX_BYTES: 64 * 1024 * 1024,
			HISTORY_MAX_NAMED_VERSIONS: 100,
			SYNC_PORT: 3001,
			SSE_MAX_STREAMS_PER_USER: 4,
			COMMENT_MAX_BODY_CHARS: 2000,
			COMMENT_MAX_PER_DOETANK: 1000,
			COMMENT_MAX_REPLIES: 100,
			COMMENT_MAX_PER_USER_PER_MINUTE: 20,
			SCALE_HOLD_MS: 3_000,
			SCALE_CATCH_UP_MS: 250,
			SCALE_MAX_WAITING_UPDATES: 500,
			SCALE_MAX_WAITING_BYTES: 4 * 1024 * 1024,
			SCALE_BEAT_MS: 1_000,
			SCALE_MISSED_BEATS: 3
		});
	});

	it('serves the demo on loopback unless DEMO=0, elsewhere only with DEMO=1', () => {
		const origin = { ORIGIN: 'https://doetank.example.nl' };
		expect(loadConfig({}).demoActive).toBe(true);
		expect(loadConfig({ HOST: 'localhost' }).demoActive).toBe(true);
		expect(loadConfig({ HOST: '::1' }).demoActive).toBe(true);
		expect(loadConfig({ DEMO: '0' }).demoActive).toBe(false);
		expect(loadConfig({ HOST: '0.0.0.0', ...origin }).demoActive).toBe(false);
		expect(loadConfig({ HOST: '192.168.1.20', ...origin }).demoActive).toBe(false);
		expect(loadConfig({ HOST: '0.0.0.0', DEMO: '1', ...origin }).demoActive).toBe(true);
	});

	it('refuses a HOST other machines can reach without ORIGIN', () => {
		expect(problems({ HOST: '0.0.0.0' })).toEqual([
			'ORIGIN: must be set when HOST=0.0.0.0 is reachable from other machines'
		]);
		expect(problems({ HOST: '127.0.0.1' })).toEqual([]);
	});

	it('rejects a sync bound of zero and a non-URL PUBLIC_SYNC_URL', () => {
		expect(() => loadConfig({ SYNC_MAX_BUFFERED_BYTES: '0', PUBLIC_SYNC_URL: 'sync' })).toThrow(
			/SYNC_MAX_BUFFERED_BYTES="0": must be at least 1[\s\S]*PUBLIC_SYNC_URL="sync": must be a full URL/
		);
	});

	it('reads the history version interval and refuses zero or a fraction', () => {
		expect(loadConfig({ HISTORY_VERSION_INTERVAL_MS: '3000' }).HISTORY_VERSION_INTERVAL_MS).toBe(3000);
		expect(loadConfig({ HISTORY_MAX_BYTES: '1000000' }).HISTORY_MAX_BYTES).toBe(1_000_000);
		expect(() => loadConfig({ HISTORY_MAX_NAMED_VERSIONS: '0' })).toThrow(/HISTORY_MAX_NAMED_VERSIONS="0"/);
		expect(() => loadConfig({ HISTORY_VERSION_INTERVAL_MS: '0' })).toThrow(/HISTORY_VERSION_INTERVAL_MS="0"/);
		expect(() => loadConfig({ HISTORY_VERSION_INTERVAL_MS: '1.5' })).toThrow(/HISTORY_VERSION_INTERVAL_MS="1.5"/);
	});

	it('reads REDIS_URL (multi-instance mode) and refuses anything but a redis URL without showing it', () => {
		expect(loadConfig({}).REDIS_URL).toBeUndefined();
		expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6390' }).REDIS_URL).toBe('redis://127.0.0.1:6390');
		expect(loadConfig({ REDIS_URL: 'rediss://:pw@redis.example.nl:6380/0' }).REDIS_URL).toMatch(/^rediss:/);
		expect(() => loadConfig({ REDIS_URL: 'http://user:geheim@redis' })).toThrow(
			/REDIS_URL=\(hidden\): must be a redis:\/\//
		);
		expect(() => loadConfig({ REDIS_URL: 'http://user:geheim@redis' })).not.toThrow(/geheim/);
	});

	it('reads the multi-instance timings and bounds, and refuses values that would break them', () => {
		expect(
			loadConfig({
				SCALE_HOLD_MS: '5000',
				SCALE_CATCH_UP_MS: '100',
				SCALE_MAX_WAITING_UPDATES: '50',
				SCALE_MAX_WAITING_BYTES: '65536',
				SCALE_BEAT_MS: '500',
				SCALE_MISSED_BEATS: '2'
			})
		).toMatchObject({
			SCALE_HOLD_MS: 5000,
			SCALE_CATCH_UP_MS: 100,
			SCALE_MAX_WAITING_UPDATES: 50,
			SCALE_MAX_WAITING_BYTES: 65536,
			SCALE_BEAT_MS: 500,
			SCALE_MISSED_BEATS: 2
		});
		expect(problems({ SCALE_HOLD_MS: '0' })).toEqual(['SCALE_HOLD_MS="0": must be at least 1']);
		expect(problems({ SCALE_HOLD_MS: '120000' })).toEqual([
			'SCALE_HOLD_MS="120000": must be at most 60000: later messages of that socket wait behind the held update'
		]);
		expect(problems({ SCALE_CATCH_UP_MS: '2.5' })).toEqual(['SCALE_CATCH_UP_MS="2.5": must be a whole number']);
		expect(problems({ SCALE_MAX_WAITING_UPDATES: '0' })).toEqual(['SCALE_MAX_WAITING_UPDATES="0": must be at least 1']);
		expect(problems({ SCALE_MAX_WAITING_BYTES: 'viel' })).toEqual([
			'SCALE_MAX_WAITING_BYTES="viel": must be a whole number'
		]);
		expect(problems({ SCALE_BEAT_MS: '-1' })).toEqual(['SCALE_BEAT_MS="-1": must be at least 1']);
		expect(problems({ SCALE_MISSED_BEATS: '1' })).toEqual([
			'SCALE_MISSED_BEATS="1": must be at least 2: one late beat must not count a live instance as gone'
		]);
		expect(problems({ SCALE_HOLD_MS: '200', SCALE_CATCH_UP_MS: '250' })).toEqual([
			'SCALE_CATCH_UP_MS: must be shorter than SCALE_HOLD_MS (200), or a held update is refused before the gap it waits for is filled'
		]);
	});

	it('treats empty strings as unset', () => {
		expect(loadConfig({ PORT: '', DEMO: '' }).PORT).toBe(3000);
	});

	it('reads valid values', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '0.0.0.0',
			ORIGIN: 'https://doetank.example.nl',
			DATABASE_URL: 'libsql://db.example.nl',
			DATABASE_AUTH_TOKEN: 'secret',
			REGISTRATION: 'invite',
			DEMO: '0'
		});
		expect(config).toMatchObject({
			PORT: 8080,
			REGISTRATION: 'invite',
			DEMO: false,
			demoActive: false,
			DATABASE_AUTH_TOKEN: 'secret'
		});
	});

	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['PORT', '3.5'],
		['ORIGIN', 'not a url'],
		['DATABASE_URL', 'postgres://x'],
		['REGISTRATION', 'closed'],
		['DEMO', 'maybe'],
		['LOG_LEVEL', 'loud']
	])('rejects %s=%s with a message naming the variable', (name, value) => {
		const found = problems({ [name]: value });
		expect(found).toHaveLength(1);
		expect(found[0]).toContain(`${name}=`);
		expect(found[0]).toContain(value);
	});

	it('reads the embedded-replica settings, which need a database file to replicate into', () => {
		expect(loadConfig({}).DATABASE_SYNC_URL).toBeUndefined();
		expect(
			loadConfig({
				DATABASE_URL: 'file:data/replica.db',
				DATABASE_SYNC_URL: 'libsql://db.example.nl',
				DATABASE_SYNC_INTERVAL_S: '5'
			})
		).toMatchObject({ DATABASE_SYNC_URL: 'libsql://db.example.nl', DATABASE_SYNC_INTERVAL_S: 5 });
		expect(problems({ DATABASE_URL: 'http://127.0.0.1:8080', DATABASE_SYNC_URL: 'http://127.0.0.1:8080' })).toEqual([
			'DATABASE_SYNC_URL: needs DATABASE_URL to be a database file (file:path), the local replica; it is http://127.0.0.1:8080'
		]);
		expect(problems({ DATABASE_URL: 'file::memory:', DATABASE_SYNC_URL: 'http://127.0.0.1:8080' })[0]).toMatch(
			/^DATABASE_SYNC_URL: needs DATABASE_URL to be a database file/
		);
		expect(problems({ DATABASE_SYNC_URL: 'file:other.db' })).toEqual([
			'DATABASE_SYNC_URL=(hidden): must be the URL of a libSQL server: libsql://, http(s):// or ws(s)://'
		]);
		expect(problems({ DATABASE_SYNC_URL: 'https://user:geheim@db x' }).join()).not.toContain('geheim');
		expect(problems({ DATABASE_SYNC_INTERVAL_S: '0' })).toEqual(['DATABASE_SYNC_INTERVAL_S="0": must be at least 1']);
		expect(loadConfig({ DATABASE_SYNC_MIN_GAP_MS: '250' }).DATABASE_SYNC_MIN_GAP_MS).toBe(250);
		expect(problems({ DATABASE_SYNC_MIN_GAP_MS: '0' })).toEqual(['DATABASE_SYNC_MIN_GAP_MS="0": must be at least 1']);
	});

	it('reports every bad variable at once', () => {
		expect(problems({ PORT: 'x', REGISTRATION: 'y' })).toHaveLength(2);
	});
});
