import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventStream, throttle } from './sse';

afterEach(() => vi.useRealTimers());

describe('eventStream', () => {
	it('streams named JSON events and cleans up when the client aborts', async () => {
		const abort = new AbortController();
		let cleaned = 0;
		const res = eventStream(abort.signal, (send) => {
			send('snapshot', { n: 1 });
			send('snapshot', { n: 2 });
			return () => cleaned++;
		});
		expect(res.headers.get('content-type')).toContain('text/event-stream');
		const reader = res.body!.getReader();
		let text = '';
		while (!text.includes('"n":2')) text += new TextDecoder().decode((await reader.read()).value);
		expect(text).toBe('event: snapshot\ndata: {"n":1}\n\nevent: snapshot\ndata: {"n":2}\n\n');
		abort.abort();
		expect(cleaned).toBe(1);
		expect((await reader.read()).done).toBe(true);
	});

	it('cleans up once when the reader cancels', async () => {
		let cleaned = 0;
		const res = eventStream(new AbortController().signal, () => () => cleaned++);
		await res.body!.cancel();
		expect(cleaned).toBe(1);
	});
});

describe('throttle', () => {
	it('runs at once, then at most once per interval, with a final run after a burst', () => {
		vi.useFakeTimers();
		let runs = 0;
		const t = throttle(() => runs++, 100);
		t.call();
		expect(runs).toBe(1);
		t.call();
		t.call();
		expect(runs).toBe(1);
		vi.advanceTimersByTime(100);
		expect(runs).toBe(2);
		vi.advanceTimersByTime(100);
		expect(runs).toBe(2);
		t.call();
		expect(runs).toBe(3);
		t.cancel();
		t.call();
		expect(runs).toBe(4);
	});
});
