import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../src/server/app.js';

describe('request logs', () => {
  it('drop query strings and mask NIP/NIK digit runs in paths', () => {
    expect(safeUrl('/api/employees/196711101992031001?lang=en')).toBe('/api/employees/19…');
    expect(safeUrl('/api/employees?q=maria+latuheru')).toBe('/api/employees');
    expect(safeUrl('/api/org-units')).toBe('/api/org-units');
  });
});
