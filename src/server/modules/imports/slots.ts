/**
 * How many imports run at once in this process: at most `perUser` for one user and `total` for all
 * together (limits.ts). A request over either limit is answered at once — 429 for the user, 503 for
 * the server — before its file is even received, and holds nothing.
 */
import { AppError } from '../../http/errors.js';
import { fileLimits } from './limits.js';

const byUser = new Map<string, number>();
let running = 0;

/** Takes a slot or throws; the returned function gives it back (calling it twice is harmless). */
export function acquireImportSlot(userId: string): () => void {
  const limits = fileLimits();
  const mine = byUser.get(userId) ?? 0;
  if (mine >= limits.perUser) throw new AppError('import.busyUser', { count: mine }, [], { retryAfter: 5 });
  if (running >= limits.total) throw new AppError('import.busy', { count: running }, [], { retryAfter: 5 });
  byUser.set(userId, mine + 1);
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    const left = (byUser.get(userId) ?? 1) - 1;
    if (left > 0) byUser.set(userId, left);
    else byUser.delete(userId);
  };
}

/** Imports running now (for tests and health figures). */
export const importsRunning = () => running;
