// Hocuspocus with its defaults and no extensions, on 127.0.0.1:$PORT (started by servers.mjs).
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true });
await server.listen();
