import { describe, expect, it } from 'vitest';
import { databaseProblem } from './errors.js';
import { findInputProblems, stringProblem } from './hostile-input.js';

describe('hostile input', () => {
  it('refuses NUL, unpaired surrogates and years outside 1900-2100; keeps ordinary text', () => {
    expect(stringProblem('f', 'a\u0000b')).not.toBeNull();
    expect(stringProblem('f', '\ud800')).not.toBeNull();
    expect(stringProblem('f', 'x\udc00')).not.toBeNull();
    expect(stringProblem('f', '0000-01-01')).not.toBeNull();
    expect(stringProblem('f', '2101-01-01T00:00:00Z')).not.toBeNull();
    expect(stringProblem('f', 'Pelatihan 😀 Ambon')).toBeNull();
    expect(stringProblem('f', '1967-11-10')).toBeNull();
    expect(stringProblem('f', '2026-03-01T08:00:00Z')).toBeNull();
    expect(stringProblem('f', '50%')).toBeNull();
  });

  it('names the field inside nested bodies', () => {
    const found = findInputProblems({ a: [{ b: 'ok' }, { b: '\u0000' }] }, 'body');
    expect(found.map((p) => p.field)).toEqual(['body.a.1.b']);
  });

  it('turns database data and integrity refusals into 4xx, leaves other faults alone', () => {
    const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: { code } });
    expect(databaseProblem(wrapped('22021'))?.status).toBe(422);
    expect(databaseProblem(wrapped('23503'))?.status).toBe(422);
    expect(databaseProblem(wrapped('23505'))?.status).toBe(409);
    expect(databaseProblem(wrapped('40001'))?.status).toBe(409);
    expect(databaseProblem(wrapped('08006'))).toBeNull();
    expect(databaseProblem(new Error('boom'))).toBeNull();
  });
});
