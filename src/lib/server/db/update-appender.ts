import type { Client } from '@libsql/client';
import Libsql from 'libsql';
import { autocheckpointPragma, embeddedFile } from './checkpointer';
import { BUSY_TIMEOUT_MS } from './client';
import {
	appendNextUpdateStatement,
	appendUpdateStatement,
	INSERT_NEXT_UPDATE_SQL,
	INSERT_UPDATE_SQL,
	type LoggedUpdate
} from './doc-log';

/**
 * Writes updates to the document log in one transaction; returns once they are durable. When the
 * database assigns the sequence numbers (`allocateSeq`), each update's `seq` is set to it.
 */
export type AppendUpdates = (updates: readonly LoggedUpdate[]) => void | Promise<void>;

export interface UpdateAppender {
	append: AppendUpdates;
	close(): void;
}

/**
 * The document log takes a commit for every edit of every client, the hottest write there is.
 * @libsql/client prepares each statement anew and probes it by throwing, about three times the cost
 * of the commit itself; so an embedded file gets a second connection of the same engine (`libsql`,
 * which @libsql/client runs on) with its statements prepared once. A libSQL server (by URL), an
 * in-memory database (which a second connection could not see) and an embedded replica (`url`
 * null: its writes go to the server) go through the shared client.
 */
export function openUpdateAppender(
	client: Client,
	url: string | null,
	options: {
		timeoutMs?: number;
		/** Several instances write the log (REDIS_URL): the database numbers each update (see doc-log.ts). */
		allocateSeq?: boolean;
		/** The process runs a checkpointer (checkpointer.ts): commits never checkpoint themselves. */
		backgroundCheckpoints?: boolean;
	} = {}
): UpdateAppender {
	const { timeoutMs = BUSY_TIMEOUT_MS, allocateSeq = false, backgroundCheckpoints = false } = options;
	const file = url === null ? null : embeddedFile(url);
	if (file === null) {
		const statement = allocateSeq ? appendNextUpdateStatement : appendUpdateStatement;
		return {
			append: async (updates) => {
				const results = await client.batch(updates.map(statement), 'write');
				if (allocateSeq) updates.forEach((u, i) => (u.seq = Number(results[i]!.rows[0]!.seq)));
			},
			close: () => undefined
		};
	}
	const path: string = file;
	let connection: Libsql.Database | null = null;
	let statements: {
		db: Libsql.Database;
		begin: Libsql.Statement;
		insert: Libsql.Statement;
		commit: Libsql.Statement;
	} | null = null;
	// Opened on first use: the table exists only after the migrations, which run after opening.
	function prepared() {
		if (!connection) {
			connection = new Libsql(path, { timeout: timeoutMs });
			connection.exec('PRAGMA synchronous = NORMAL');
			connection.exec(autocheckpointPragma(backgroundCheckpoints));
			connection.exec('PRAGMA foreign_keys = ON');
		}
		statements ??= {
			db: connection,
			begin: connection.prepare('BEGIN IMMEDIATE'),
			insert: connection.prepare(allocateSeq ? INSERT_NEXT_UPDATE_SQL : INSERT_UPDATE_SQL),
			commit: connection.prepare('COMMIT')
		};
		return statements;
	}
	return {
		append(updates) {
			const { db, begin, insert, commit } = prepared();
			// One row commits on its own (SQLite's implicit transaction), which saves two statements.
			const write = allocateSeq ? runNext : run;
			if (updates.length === 1) return void write(insert, updates[0]!);
			begin.run();
			try {
				for (const u of updates) write(insert, u);
				commit.run();
			} catch (error) {
				if (db.inTransaction) db.exec('ROLLBACK');
				throw error;
			}
		},
		close() {
			connection?.close();
			connection = null;
			statements = null;
		}
	};
}

function run(insert: Libsql.Statement, u: LoggedUpdate): void {
	insert.run(
		u.doetankId,
		u.seq,
		Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength),
		u.userId,
		u.at
	);
}

function runNext(insert: Libsql.Statement, u: LoggedUpdate): void {
	const row = insert.get(
		u.doetankId,
		Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength),
		u.userId,
		u.at
	) as {
		seq: number | bigint;
	};
	u.seq = Number(row.seq);
}
