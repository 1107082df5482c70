import { describe, expect, it } from 'vitest';
import { AddMemberInput, ChangePasswordInput, DoetankInput, RegisterInput } from '$lib/validation/schemas';
import { LIMITS } from '$lib/validation/fields';
import { AppError } from './errors';
import { formToObject, parseInput } from './parse';

function failure(fn: () => unknown): AppError {
	try {
		fn();
	} catch (err) {
		if (err instanceof AppError) return err;
		throw err;
	}
	throw new Error('expected an AppError');
}

describe('parseInput', () => {
	it('returns trimmed, normalised data', () => {
		expect(parseInput(RegisterInput, { email: ' Ann@Example.NL ', name: ' Ann ', password: 'long enough!' })).toEqual({
			email: 'ann@example.nl',
			name: 'Ann',
			password: 'long enough!'
		});
	});

	it('rejects a non-object body as a bad request', () => {
		for (const body of [null, [], 'text', 3]) {
			expect(failure(() => parseInput(DoetankInput, body)).code).toBe('bad_request');
		}
	});

	it('names each problem field with a message key', () => {
		const err = failure(() => parseInput(DoetankInput, { name: 5, onderwerp: 'x'.repeat(LIMITS.text + 1) }));
		expect(err.status).toBe(422);
		expect(err.fields).toEqual({
			name: { key: 'validation.wrongType' },
			onderwerp: { key: 'validation.tooLong', params: { max: LIMITS.text } },
			beoogdDoel: { key: 'validation.required' }
		});
	});

	it('treats a blank text as missing', () => {
		expect(failure(() => parseInput(DoetankInput, { name: '   ', onderwerp: 'a', beoogdDoel: 'b' })).fields).toEqual({
			name: { key: 'validation.required' }
		});
	});

	it('explains short passwords, bad e-mail, unknown roles and empty role lists', () => {
		expect(failure(() => parseInput(RegisterInput, { email: 'nope', name: 'A', password: 'short' })).fields).toEqual({
			email: { key: 'validation.email' },
			password: { key: 'validation.tooShort', params: { min: LIMITS.passwordMin } }
		});
		expect(failure(() => parseInput(AddMemberInput, { email: 'a@b.nl', roles: ['koning'] })).fields).toEqual({
			roles: { key: 'validation.choice' }
		});
		expect(failure(() => parseInput(AddMemberInput, { email: 'a@b.nl', roles: [] })).fields).toEqual({
			roles: { key: 'validation.tooFew', params: { min: 1 } }
		});
	});

	it('uses the refinement keys of cross-field rules', () => {
		const err = failure(() =>
			parseInput(ChangePasswordInput, {
				currentPassword: 'same-password',
				newPassword: 'other-password',
				confirmPassword: 'different!!'
			})
		);
		expect(err.fields).toEqual({ confirmPassword: { key: 'validation.passwordsDiffer' } });
	});

	it('removes duplicate roles', () => {
		expect(parseInput(AddMemberInput, { email: 'a@b.nl', roles: ['lid', 'lid', 'coach'] }).roles).toEqual([
			'lid',
			'coach'
		]);
	});
});

describe('formToObject', () => {
	it('collects arrays, booleans and nullable fields as the schemas expect', () => {
		const form = new FormData();
		form.append('email', 'a@b.nl');
		form.append('roles', 'lid');
		form.append('roles', 'coach');
		form.append('lidType', '');
		expect(formToObject(form, { arrays: ['roles'], booleans: ['directStake'], nullable: ['lidType'] })).toEqual({
			email: 'a@b.nl',
			roles: ['lid', 'coach'],
			lidType: null,
			directStake: false
		});
	});
});
