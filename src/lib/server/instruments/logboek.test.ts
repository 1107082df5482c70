import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/policy';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { LogboekService } from './logboek';
import { LogboekInput } from '$lib/validation/instruments';
import { outcome as code, seedNetwork, viaRoute } from './test-support';

let db: Database;
let cleanup: () => void;
let service: LogboekService;
const person = (id: string, networkRole: Actor['networkRole'] = 'member'): Actor => ({ id, networkRole });

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	service = new LogboekService(db);
	await seedNetwork(db, {
		doetanks: [['d', 'D']],
		users: ['coa', 'lid', 'net', 'adm'],
		roles: [
			['d', 'coa', 'coach'],
			['d', 'lid', 'lid']
		]
	});
});
afterEach(() => cleanup());
const save = (actor: Actor, doetankId: string, input: unknown) =>
	viaRoute(LogboekInput, input, (parsed) => service.save(actor, doetankId, parsed));

describe('LogboekService', () => {
	it('lets the Doetank coach and network coaches write, admins read, members neither', async () => {
		const input = {
			moment: 'begin',
			entries: [{ topicId: 'over_jouw_doetank.voortgang', stimulerend: 'Veel energie', remmend: 'Geen opdrachtgever' }]
		};
		const saved = await save(person('coa'), 'd', input);
		expect(saved.view[0]!.rows[0]!.moments.begin).toEqual({
			stimulerend: 'Veel energie',
			remmend: 'Geen opdrachtgever'
		});
		expect(saved.lastEdit.begin?.name).toBe('Naam coa');
		expect(saved.filled).toEqual({ begin: 1, halverwege: 0, eind: 0 });
		expect(await code(save(person('net', 'coach'), 'd', { ...input, moment: 'eind' }))).toBe('ok');
		expect(await code(save(person('adm', 'admin'), 'd', input))).toBe('forbidden');
		expect((await service.view(person('adm', 'admin'), 'd')).canEdit).toBe(false);
		expect(await code(service.view(person('lid'), 'd'))).toBe('forbidden');
		expect(await code(save(person('lid'), 'd', input))).toBe('forbidden');
		expect(await code(service.view(null, 'd'))).toBe('unauthenticated');
		expect(await code(service.view(person('coa'), 'nope'))).toBe('not_found');
	});

	it('refuses unknown moments and topics, and keeps the author of unchanged topics', async () => {
		expect(await code(save(person('coa'), 'd', { moment: 'midden', entries: [] }))).toBe('validation_failed');
		expect(
			await code(
				save(person('coa'), 'd', {
					moment: 'begin',
					entries: [{ topicId: 'over_jouw_rol_in_de_snw_projectgroep.talenten' }]
				})
			)
		).toBe('validation_failed');
		const entry = { topicId: 'over_jouw_doetank.leden', stimulerend: 'Inzet', remmend: '' };
		await save(person('coa'), 'd', { moment: 'halverwege', entries: [entry] });
		await save(person('net', 'coach'), 'd', {
			moment: 'halverwege',
			entries: [entry, { topicId: 'over_jouw_doetank.opschalen', stimulerend: '', remmend: 'Geen budget' }]
		});
		const { entries } = await service.view(person('coa'), 'd');
		expect(entries.find((e) => e.topicId === 'over_jouw_doetank.leden')?.updatedBy).toBe('coa');
		expect(entries.find((e) => e.topicId === 'over_jouw_doetank.opschalen')?.updatedBy).toBe('net');
	});
});
