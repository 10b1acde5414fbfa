import { describe, expect, it } from 'vitest';
import { validateEmployee } from './employee.js';
import { problemMessage } from './problems.js';

describe('validateEmployee', () => {
  it('cleans a good record and decodes the NIP', () => {
    const r = validateEmployee({
      nip: '19671110 199203 1 001',
      name: '  Johan   Pattinama ',
      status: 'pns',
      golongan: '4a',
    });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value).toMatchObject({
        nip: '196711101992031001',
        name: 'Johan Pattinama',
        status: 'PNS',
        golongan: 'IV/a',
      });
  });

  it('names every bad field with a message people can act on', () => {
    const r = validateEmployee({
      nip: '1967111019920310',
      name: '',
      status: 'honorer',
      golongan: 'III/a',
      email: 'x@',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.issues.map((i) => [i.field, problemMessage('id', i.problem)]));
    expect(byField).toEqual({
      nip: 'NIP harus 18 angka; tertulis 16.',
      name: 'Wajib diisi.',
      status: 'Status "honorer" tidak dikenal; isi PNS, CPNS atau PPPK.',
      email: 'Alamat email tidak sah.',
    });
  });

  it('refuses a PNS golongan for PPPK and a PPPK NIP with status PNS', () => {
    const a = validateEmployee({ nip: '200012312024211001', name: 'A', status: 'PPPK', golongan: 'III/a' });
    expect(!a.ok && a.issues.map((i) => i.problem.code)).toEqual(['golongan.pppk']);
    const b = validateEmployee({ nip: '200012312024211001', name: 'A', status: 'PNS' });
    expect(!b.ok && b.issues.map((i) => i.problem.code)).toEqual(['nip.statusMismatch']);
  });
});
