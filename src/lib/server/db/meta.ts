import type { InStatement } from '@libsql/client';
import type { Database } from './client';

export async function getMeta(db: Database, key: string): Promise<string | null> {
	const { rows } = await db.execute({ sql: 'SELECT value FROM app_meta WHERE key = ?', args: [key] });
	return rows[0] ? String(rows[0].value) : null;
}

export function setMetaStatement(key: string, value: string): InStatement {
	return {
		sql: 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
		args: [key, value]
	};
}
