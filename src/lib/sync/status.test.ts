import { describe, expect, it } from 'vitest';
import { statusLine, type SyncStatus } from './status';

const live: SyncStatus = {
	connection: 'connected',
	synced: true,
	unsaved: 0,
	persistence: 'ok',
	ended: null,
	loadedFromCache: false
};

describe('statusLine', () => {
	it('says everything is saved when connected, synced and confirmed', () => {
		expect(statusLine(live)).toEqual({
			tone: 'ok',
			key: 'workspace.status.connected',
			detail: { key: 'workspace.status.allSaved' }
		});
	});

	it('says the document is full once the server refused a change for it, with what waits', () => {
		expect(statusLine({ ...live, documentFull: true, unsaved: 1 })).toEqual({
			tone: 'error',
			key: 'workspace.status.documentFull',
			detail: { key: 'workspace.status.unsavedSomewhere' }
		});
	});

	it('says which sections wait to be saved, not how many changes', () => {
		expect(statusLine({ ...live, unsaved: 7, unsavedSections: ['Actielijst'] }).detail).toEqual({
			key: 'workspace.status.unsaved',
			params: { sections: 'Actielijst' }
		});
		expect(statusLine({ ...live, unsaved: 2, unsavedSections: ['Probleemdefinitie', 'Actielijst'] }).detail).toEqual({
			key: 'workspace.status.unsaved',
			params: { sections: 'Probleemdefinitie, Actielijst' }
		});
		expect(statusLine({ ...live, unsaved: 3, unsavedSections: null }).detail).toEqual({
			key: 'workspace.status.unsavedSomewhere'
		});
	});

	it('keeps the headline the same while typing, so screen readers are not flooded', () => {
		const keys = [0, 1, 2, 0].map((unsaved) => statusLine({ ...live, unsaved }).key);
		expect(new Set(keys).size).toBe(1);
	});

	it('reports offline and connecting, with pending changes', () => {
		expect(statusLine({ ...live, connection: 'offline', synced: false, unsaved: 2 })).toMatchObject({
			tone: 'warn',
			key: 'workspace.status.offline',
			detail: { key: 'workspace.status.unsavedSomewhere' }
		});
		expect(statusLine({ ...live, connection: 'offline', synced: false }).detail).toBeNull();
		expect(statusLine({ ...live, connection: 'connecting', synced: false }).key).toBe('workspace.status.connecting');
		expect(statusLine({ ...live, synced: false }).key).toBe('workspace.status.connecting');
	});

	it('says the copy on this device is showing until the server has answered', () => {
		const cached = { ...live, loadedFromCache: true, synced: false };
		expect(statusLine({ ...cached, connection: 'offline' }).detail).toEqual({ key: 'workspace.status.fromCache' });
		expect(statusLine({ ...cached, connection: 'connecting' }).detail).toEqual({ key: 'workspace.status.fromCache' });
		expect(statusLine({ ...cached, connection: 'offline', unsaved: 2 }).detail).toMatchObject({
			key: 'workspace.status.unsavedSomewhere'
		});
		expect(statusLine({ ...cached, synced: true }).detail).toEqual({ key: 'workspace.status.allSaved' });
	});

	it('warns when the server cannot save', () => {
		expect(statusLine({ ...live, persistence: 'failing', unsaved: 4 })).toMatchObject({
			tone: 'warn',
			key: 'workspace.status.saveFailing'
		});
	});

	it('an ended session or access wins over everything else', () => {
		expect(statusLine({ ...live, connection: 'offline', ended: 'forbidden' })).toMatchObject({
			tone: 'error',
			key: 'workspace.status.forbidden'
		});
		expect(statusLine({ ...live, persistence: 'failing', ended: 'unauthenticated' }).key).toBe(
			'workspace.status.unauthenticated'
		);
		expect(statusLine({ ...live, unsaved: 1, ended: 'outdated', unsavedSections: ['Actielijst'] })).toMatchObject({
			key: 'workspace.status.outdated',
			detail: { params: { sections: 'Actielijst' } }
		});
		expect(statusLine({ ...live, unsaved: 2, ended: 'tooLarge', documentFull: true })).toMatchObject({
			tone: 'error',
			key: 'workspace.status.tooLarge',
			detail: { key: 'workspace.status.unsavedSomewhere' }
		});
	});
});
