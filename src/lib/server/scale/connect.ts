import type { Logger } from '../logger';
import type { Bus } from './bus';

/** Connects to Redis; the client library (ioredis) is loaded only here, on demand (REDIS_URL set). */
export async function openBus(url: string, log: Logger): Promise<Bus> {
	const { RedisBus } = await import('./redis-bus');
	return RedisBus.connect(url, log);
}
