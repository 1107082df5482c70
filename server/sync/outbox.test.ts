import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Outbox } from './outbox';

const MiB = 1024 * 1024;

/** A real ws server and client on a loopback port; resolves with the server side's socket. */
async function pair(): Promise<{ server: WebSocket; client: WebSocket; http: Server }> {
	const http = createServer();
	const wss = new WebSocketServer({ server: http });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as { port: number };
	const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
	const client = new WebSocket(`ws://127.0.0.1:${port}`, { maxPayload: 64 * MiB });
	client.binaryType = 'nodebuffer';
	await new Promise((resolve) => client.once('open', resolve));
	return { server: await accepted, client, http };
}

const opened: Array<{ client: WebSocket; http: Server }> = [];
afterEach(() => {
	for (const { client, http } of opened.splice(0)) {
		client.terminate();
		http.closeAllConnections();
		http.close();
	}
});

describe('Outbox', () => {
	it('streams a large message in fragments and sends what arrived meanwhile after it, in order', async () => {
		const { server, client, http } = await pair();
		opened.push({ client, http });
		const received: Buffer[] = [];
		client.on('message', (data: Buffer) => received.push(data));
		const outbox = new Outbox(server, 1 * MiB);
		const body = Buffer.alloc(5 * MiB, 7);
		outbox.send(Buffer.from([1]));
		outbox.stream(() => ({ header: Buffer.from([9, 9]), body }));
		outbox.send(Buffer.from([2]));
		outbox.stream(() => ({ header: Buffer.from([8]), body: Buffer.from([8]) }));
		outbox.stream(() => ({ header: Buffer.from([8]), body: Buffer.from([8]) }));
		outbox.send(Buffer.from([3]));
		await expect.poll(() => received.length, { timeout: 10_000 }).toBe(5);
		expect(received.map((m) => m.byteLength)).toEqual([1, 2 + 5 * MiB, 1, 2, 1]);
		expect(received[1]!.subarray(0, 2)).toEqual(Buffer.from([9, 9]));
		expect(received[1]!.subarray(2).equals(body)).toBe(true);
		// Of the two small streams requested while the large one went out, the second found the first
		// still waiting and was dropped as redundant.
		expect(received.map((m) => m[0])).toEqual([1, 9, 2, 8, 3]);
	});

	it('cuts off a client that stops reading once more than the bound waits, whatever streams', async () => {
		const { server, client, http } = await pair();
		opened.push({ client, http });
		(client as unknown as { _socket: Socket })._socket.pause();
		const outbox = new Outbox(server, 1 * MiB);
		outbox.stream(() => ({ header: Buffer.from([9]), body: Buffer.alloc(32 * MiB) }));
		let accepted = 0;
		while (outbox.send(Buffer.alloc(64 * 1024)) && accepted < 10_000) accepted++;
		// Queued behind the stream: about the bound's worth, then the socket is gone.
		expect(accepted).toBeGreaterThan(0);
		expect(accepted).toBeLessThanOrEqual(16);
		expect(outbox.open).toBe(false);
		expect(server.readyState).not.toBe(WebSocket.OPEN);
	});
});
