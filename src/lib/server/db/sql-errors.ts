/** True when a statement was refused by one of our triggers with `RAISE(ABORT, name)`. */
export function isAbort(err: unknown, name: string): boolean {
	return err instanceof Error && err.message.includes(name);
}

/** True when a UNIQUE or PRIMARY KEY constraint refused the write (a concurrent duplicate); SQLite words both alike. */
export function isUniqueViolation(err: unknown): boolean {
	return err instanceof Error && /UNIQUE constraint failed/.test(err.message);
}
