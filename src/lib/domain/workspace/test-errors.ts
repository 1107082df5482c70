import { expect } from 'vitest';
import { WorkspaceError } from './errors';

/** Test support only: the write fails with this WorkspaceError code. */
export function expectWorkspaceError(code: WorkspaceError['code'], write: () => unknown): void {
	let thrown: unknown;
	try {
		write();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(WorkspaceError);
	expect((thrown as WorkspaceError).code).toBe(code);
}
