export * from './org.js';
export * from './auth.js';
export * from './audit.js';
export * from './imports.js';
export * from './competency.js';
export * from './files.js';
export * from './learning.js';
