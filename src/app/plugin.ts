// What every module's routes plugin receives: infrastructure only, passed as plugin options.
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db.js';

export type ModuleDeps = { database: Database; config: Config };
export type ModulePlugin = FastifyPluginAsync<ModuleDeps>;
