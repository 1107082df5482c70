// The client processes (worker.mjs) and the request/answer exchange with them over IPC.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** @typedef {import('node:child_process').ChildProcess} Worker */

/** @param {number} count @returns {Worker[]} */
export function spawnWorkers(count) {
	return Array.from({ length: count }, () =>
		// Structured-clone serialization carries the latency arrays without JSON text.
		fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' })
	);
}

/**
 * Sends `message` and resolves with the worker's next message of type `answer`.
 * @param {Worker} worker @param {object} message @param {string} answer @param {number} timeoutMs
 * @returns {Promise<any>}
 */
export function request(worker, message, answer, timeoutMs) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => finish(new Error(`client process gave no "${answer}" within ${timeoutMs} ms`)),
			timeoutMs
		);
		const onMessage = (/** @type {any} */ reply) => {
			if (reply.type === answer) finish(null, reply);
			else if (reply.type === 'error') finish(new Error(`client process failed: ${reply.message}`));
		};
		const onExit = (/** @type {number | null} */ code) =>
			finish(new Error(`client process exited (code ${code}) before "${answer}"`));
		/** @param {Error | null} err @param {unknown} [reply] */
		function finish(err, reply) {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('exit', onExit);
			if (err) reject(err);
			else resolve(reply);
		}
		worker.on('message', onMessage);
		worker.once('exit', onExit);
		worker.send(message);
	});
}

/** Asks every worker to close its clients and exit; kills any that does not within 5 s. @param {Worker[]} workers */
export async function closeWorkers(workers) {
	await Promise.all(
		workers.map(
			(worker) =>
				new Promise((resolve) => {
					if (worker.exitCode !== null || worker.signalCode !== null) return resolve(undefined);
					const timer = setTimeout(() => worker.kill('SIGKILL'), 5_000);
					worker.once('exit', () => {
						clearTimeout(timer);
						resolve(undefined);
					});
					if (worker.connected) worker.send({ type: 'close' });
					else worker.kill('SIGKILL');
				})
		)
	);
}
