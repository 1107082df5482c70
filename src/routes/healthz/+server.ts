import { json } from '@sveltejs/kit';

export async function GET({ locals }) {
	try {
		await locals.services.db.execute('SELECT 1');
		return json({ status: 'ok' });
	} catch {
		return json({ status: 'unavailable' }, { status: 503 });
	}
}
