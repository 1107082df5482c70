import type { InStatement } from '@libsql/client';
import type { Database } from './client';

export interface LoggedUpdate {
	doetankId: string;
	seq: number;
	update: Uint8Array;
	userId: string | null;
	at: number;
}

export interface StoredDocument {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	lastSeq: number;
}

const bytes = (value: unknown) => new Uint8Array(value as ArrayBuffer);

export function appendUpdateStatement(u: LoggedUpdate): InStatement {
	return {
		sql: 'INSERT INTO doc_updates (doetank_id, seq, update_data, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
		args: [u.doetankId, u.seq, u.update, u.userId, u.at]
	};
}

/** The snapshot and every update logged after it, in order. */
export async function readDocument(db: Database, doetankId: string): Promise<StoredDocument> {
	const snap = (await db.execute({ sql: 'SELECT state, seq FROM doc_snapshots WHERE doetank_id = ?', args: [doetankId] })).rows[0];
	const after = snap ? Number(snap.seq) : 0;
	const { rows } = await db.execute({
		sql: 'SELECT seq, update_data FROM doc_updates WHERE doetank_id = ? AND seq > ? ORDER BY seq',
		args: [doetankId, after]
	});
	return {
		snapshot: snap ? bytes(snap.state) : null,
		updates: rows.map((r) => bytes(r.update_data)),
		lastSeq: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : after
	};
}
