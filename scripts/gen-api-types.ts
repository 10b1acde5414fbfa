/**
 * Writes the web app's request types (src/web/api/schema.d.ts) from the server's OpenAPI document.
 * Run after changing a route schema: npm run api:types. A test fails while the file is stale.
 */
import fs from 'node:fs';
import { API_TYPES_FILE, renderApiTypes } from './api-types.js';

fs.writeFileSync(API_TYPES_FILE, await renderApiTypes());
console.log(`${API_TYPES_FILE} ditulis`);
