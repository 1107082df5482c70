// Hocuspocus on 127.0.0.1:$PORT (started by servers.mjs): with no extensions (in memory), or, when
// HOCUSPOCUS_SQLITE names a file, with @hocuspocus/extension-sqlite on that file and its defaults.
// The SQLite peer comes from bench/peers (installed on demand, see peers.mjs), server and extension
// both, so the extension meets the server copy it was installed with.
import { peerImport } from './peers.mjs';

const file = process.env.HOCUSPOCUS_SQLITE;
const { Server } = file ? await peerImport('@hocuspocus/server') : await import('@hocuspocus/server');
const extensions = file ? [new (await peerImport('@hocuspocus/extension-sqlite')).SQLite({ database: file })] : [];
const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true, extensions });
await server.listen();
