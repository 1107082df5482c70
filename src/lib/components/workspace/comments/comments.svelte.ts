import { getContext, setContext } from 'svelte';
import type { CommentAnchor, CommentRights, CommentThread } from '$lib/domain/comments';

export type LoadState = 'loading' | 'ready' | 'error';

/** What the editor sends for a new comment. */
export interface NewComment {
	field: string;
	anchor: CommentAnchor;
	quote: string;
	body: string;
}

/** The outcome of a write: ok, or the server's message (already in the user's language). */
export type WriteResult = { ok: true } | { ok: false; message: string };

const NO_RIGHTS: CommentRights = { actorId: '', take: false, resolveAny: false, moderate: false };

/**
 * The workspace's comments on the page: loaded from the API, read again whenever the server's
 * stream says they changed (any member, any process), and written through the API only. The
 * editors read it for their highlights, the panel for its list.
 */
export class CommentStore {
	threads = $state.raw<CommentThread[]>([]);
	rights = $state.raw<CommentRights>(NO_RIGHTS);
	state = $state<LoadState>('loading');
	/** The thread the person last chose, shown highlighted in the panel and in the text. */
	selected = $state<string | null>(null);
	private loading: Promise<void> | null = null;
	private again = false;

	constructor(private readonly doetankId: string) {}

	private get base(): string {
		return `/api/v1/doetanks/${encodeURIComponent(this.doetankId)}/comments`;
	}

	/** Opens the live stream; the list is read once it is open (`ready`) and after every change. */
	start(): () => void {
		const events = new EventSource(`${this.base}/events`);
		const reload = () => void this.load();
		events.addEventListener('ready', reload);
		events.addEventListener('changed', reload);
		// The browser reconnects by itself; until then the list stays as it was, without a refresh.
		events.addEventListener('error', () => {
			if (this.state === 'loading') void this.load();
		});
		return () => events.close();
	}

	/** Reads the list; a change announced while a read is under way reads once more after it. */
	load(): Promise<void> {
		if (this.loading) {
			this.again = true;
			return this.loading;
		}
		this.loading = (async () => {
			try {
				do {
					this.again = false;
					const res = await fetch(this.base, { headers: { accept: 'application/json' } });
					if (!res.ok) throw new Error(String(res.status));
					const body = (await res.json()) as { threads: CommentThread[]; rights: CommentRights };
					this.threads = body.threads;
					this.rights = body.rights;
					this.state = 'ready';
				} while (this.again);
			} catch {
				// Keep what was shown; only a list never loaded shows the error.
				if (this.state !== 'ready') this.state = 'error';
			} finally {
				this.loading = null;
			}
		})();
		return this.loading;
	}

	/** Posts a new comment; on success it is in the list at once (the stream tells the others). */
	async create(comment: NewComment): Promise<WriteResult & { id?: string }> {
		const result = await this.send<{ thread: CommentThread }>('POST', '', comment);
		if (!result.ok) return result;
		this.threads = [...this.threads.filter((t) => t.id !== result.body.thread.id), result.body.thread];
		void this.load();
		return { ok: true, id: result.body.thread.id };
	}

	reply(threadId: string, body: string): Promise<WriteResult> {
		return this.write('POST', `/${encodeURIComponent(threadId)}/replies`, { body });
	}

	setResolved(threadId: string, resolved: boolean): Promise<WriteResult> {
		return this.write('PATCH', `/${encodeURIComponent(threadId)}`, { resolved });
	}

	remove(threadId: string): Promise<WriteResult> {
		return this.write('DELETE', `/${encodeURIComponent(threadId)}`);
	}

	removeReply(threadId: string, replyId: string): Promise<WriteResult> {
		return this.write('DELETE', `/${encodeURIComponent(threadId)}/replies/${encodeURIComponent(replyId)}`);
	}

	private async write(method: string, path: string, body?: unknown): Promise<WriteResult> {
		const result = await this.send(method, path, body);
		if (result.ok) await this.load();
		return result.ok ? { ok: true } : result;
	}

	private async send<T>(
		method: string,
		path: string,
		body?: unknown
	): Promise<{ ok: true; body: T } | { ok: false; message: string }> {
		try {
			const res = await fetch(`${this.base}${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
			const json = res.status === 204 ? null : ((await res.json().catch(() => null)) as unknown);
			if (res.ok) return { ok: true, body: json as T };
			const error = (json as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
			const detail = error?.fields ? Object.values(error.fields).join(' ') : '';
			return { ok: false, message: [error?.message, detail].filter(Boolean).join(' ') || String(res.status) };
		} catch (err) {
			return { ok: false, message: err instanceof Error ? err.message : String(err) };
		}
	}
}

const KEY = Symbol('comments');

export const provideComments = (store: CommentStore): CommentStore => setContext(KEY, store);

/** The page's comments, or null where none are provided (e.g. a version shown in the history). */
export const useComments = (): CommentStore | null => getContext<CommentStore | undefined>(KEY) ?? null;
