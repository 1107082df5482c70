// Hocuspocus on 127.0.0.1:$PORT (started by servers.mjs): with no extensions (in memory), or, when
// HOCUSPOCUS_SQLITE names a file, with @hocuspocus/extension-sqlite on that file and its defaults.
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const file = process.env.HOCUSPOCUS_SQLITE;
const server = new Server({
	port: Number(process.env.PORT),
	address: '127.0.0.1',
	quiet: true,
	extensions: file ? [new SQLite({ database: file })] : []
});
await server.listen();
