import { describe, expect, it } from 'vitest';
import { TextDraft } from './text-draft.svelte';
import { titleProblem } from './validate';

/**
 * A draft over a stored value that changes like a document field. Vitest compiles for the server,
 * where effects do not run, so `change` calls `sync` as the draft's effect does in the browser.
 */
function setup(initial = 'Interviews plannen') {
	const stored = { value: initial };
	const writes: string[] = [];
	const draft = new TextDraft(
		() => stored.value,
		titleProblem,
		(value) => {
			writes.push(value);
			stored.value = value.trim();
		},
		'title-error'
	);
	const change = (value: string) => {
		stored.value = value;
		draft.sync(value);
	};
	return { stored, change, writes, draft };
}

const key = (init: Partial<KeyboardEventInit> & { key: string }) => {
	let prevented = false;
	let stopped = false;
	const event = {
		ctrlKey: false,
		metaKey: false,
		shiftKey: false,
		altKey: false,
		...init,
		preventDefault: () => (prevented = true),
		stopPropagation: () => (stopped = true)
	} as unknown as KeyboardEvent;
	return { event, result: () => ({ prevented, stopped }) };
};

describe('TextDraft', () => {
	it('follows the stored value while nobody edits the field', () => {
		const { change, draft } = setup();
		expect(draft.value).toBe('Interviews plannen');
		change('Door een ander gewijzigd');
		expect(draft.value).toBe('Door een ander gewijzigd');
	});

	it('keeps the typing of a focused field when the stored value changes, and writes it on change', () => {
		const { stored, change, writes, draft } = setup();
		draft.attributes.onfocus();
		draft.value = 'Mijn versie ';
		change('Van een ander');
		expect(draft.value).toBe('Mijn versie ');
		expect(draft.dirty).toBe(true);
		draft.attributes.onchange();
		draft.attributes.onblur();
		expect(writes).toEqual(['Mijn versie ']);
		expect(stored.value).toBe('Mijn versie');
	});

	it('shows the model’s problem, writes nothing and keeps the text until it is fixed', () => {
		const { change, writes, draft } = setup();
		draft.attributes.onfocus();
		draft.value = '   ';
		draft.attributes.onchange();
		draft.attributes.onblur();
		expect(draft.error).toEqual({ key: 'validation.required' });
		expect(draft.attributes['aria-invalid']).toBe('true');
		expect(draft.attributes['aria-describedby']).toBe('title-error');
		change('Intussen gewijzigd');
		expect(draft.value).toBe('   ');
		expect(writes).toEqual([]);
		draft.value = 'Hersteld';
		draft.attributes.onchange();
		expect(draft.error).toBeNull();
		expect(draft.attributes['aria-invalid']).toBeUndefined();
		expect(writes).toEqual(['Hersteld']);
	});

	it('does not write a change that only adds white space', () => {
		const { writes, draft } = setup();
		draft.value = '  Interviews plannen ';
		draft.attributes.onchange();
		expect(writes).toEqual([]);
	});

	it('puts the field back on Escape and keeps Ctrl+Z for the field while it is dirty', () => {
		const { draft } = setup();
		const clean = key({ key: 'z', ctrlKey: true });
		draft.keydown(clean.event);
		expect(clean.result()).toEqual({ prevented: false, stopped: false });

		draft.value = 'Half getypt';
		const undo = key({ key: 'z', ctrlKey: true });
		draft.keydown(undo.event);
		expect(undo.result()).toEqual({ prevented: false, stopped: true });
		const escape = key({ key: 'Escape' });
		draft.keydown(escape.event);
		expect(escape.result().prevented).toBe(true);
		expect(draft.value).toBe('Interviews plannen');
		expect(draft.dirty).toBe(false);
	});
});
