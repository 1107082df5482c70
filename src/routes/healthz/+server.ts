import { json } from '@sveltejs/kit';
import { setMetaStatement } from '$lib/server/db/meta';

/**
 * Healthy means the database accepts a write, not only a read: a read-only file or a full disk
 * lets `SELECT 1` pass while every login fails. In multi-instance mode an instance cut off from
 * Redis still serves its own clients: `degraded` (200, so a load balancer keeps it), with `redis`.
 */
export async function GET({ locals }) {
	const { db, log, cluster } = locals.services;
	try {
		await db.execute(setMetaStatement('healthz', String(Date.now())));
	} catch (err) {
		log.error({ err }, 'health check: the database refused a write');
		return json({ status: 'unavailable' }, { status: 503 });
	}
	if (!cluster) return json({ status: 'ok' });
	const up = cluster.bus.state === 'ok';
	return json({ status: up ? 'ok' : 'degraded', redis: up ? 'ok' : 'unavailable' });
}
