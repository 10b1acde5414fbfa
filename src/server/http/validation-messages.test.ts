import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validationMessage } from './validation-messages.js';

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0]!;
};

describe('validation messages', () => {
  const range = z.object({ from: z.number(), to: z.number() }).refine((v) => v.to >= v.from, {
    message: 'The end comes before the start.',
    params: { id: 'Tanggal akhir sebelum tanggal mulai.', en: 'The end comes before the start.' },
    path: ['to'],
  });

  it("speaks a schema's own rule in each language", () => {
    const issue = firstIssue(range, { from: 3, to: 1 });
    expect(validationMessage('id', { field: 'to', issue })).toBe('Tanggal akhir sebelum tanggal mulai.');
    expect(validationMessage('en', { field: 'to', issue })).toBe('The end comes before the start.');
  });

  it('falls back to a plain message for a rule without words', () => {
    const issue = firstIssue(
      z.number().refine((n) => n > 0),
      -1,
    );
    expect(validationMessage('id', { field: 'n', issue })).not.toBe('');
  });
});
