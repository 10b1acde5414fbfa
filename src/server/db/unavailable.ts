/**
 * Whether an error means the database cannot be reached (down, restarting, network gone) rather than a
 * fault of the request or of Asah: such errors are answered 503 `db.unavailable`, never 500.
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Messages of node-postgres when a connection drops or cannot be made (they carry no code). */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Connection ended unexpectedly',
  'the database system is starting up',
  'the database system is shutting down',
  'the database system is in recovery mode',
];

function matches(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception) and 57P01-57P03 (shutdown, crash, cannot connect now).
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  return typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.includes(m));
}

/**
 * The message of node-postgres when a request waited `connectionTimeoutMillis` for a pooled connection
 * and none came free: every connection is busy with other requests. The database itself answers (a
 * connection attempt that times out says "Connection terminated due to connection timeout" instead).
 */
const POOL_WAIT_TIMEOUT = 'timeout exceeded when trying to connect';

/** Whether an error means the pool was full for too long: the server is busy, not the database gone. */
export function isPoolBusy(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const { message, cause } = cur as { message?: unknown; cause?: unknown };
    if (message === POOL_WAIT_TIMEOUT && !cause) return true;
    cur = cause;
  }
  return false;
}

export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 6; depth++) {
    if (matches(cur)) return true;
    const inner = (cur as { errors?: unknown }).errors; // AggregateError of a dual-stack connect
    if (Array.isArray(inner) && inner.some(matches)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
