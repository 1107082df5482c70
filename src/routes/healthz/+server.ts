import { json } from '@sveltejs/kit';
import { setMetaStatement } from '$lib/server/db/meta';

/**
 * Healthy means the database accepts a write, not only a read: a read-only file or a full disk
 * lets `SELECT 1` pass while every login fails.
 */
export async function GET({ locals }) {
	try {
		await locals.services.db.execute(setMetaStatement('healthz', String(Date.now())));
		return json({ status: 'ok' });
	} catch (err) {
		locals.services.log.error({ err }, 'health check: the database refused a write');
		return json({ status: 'unavailable' }, { status: 503 });
	}
}
