import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';

// Import routes are registered here (see the imports module's service).
export const importRoutes =
  (_database: Database): FastifyPluginAsyncZod =>
  async () => {};
