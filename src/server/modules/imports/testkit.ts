/** Helpers for the import tests: multipart bodies and generated employee rows. */
import { encodeNip } from '../../../domain/nip.js';

export function multipart(fileName: string, content: Buffer | string, field = 'file') {
  const boundary = `----asah${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Distinct valid PNS NIPs, none of which appear in `taken`. */
export function makeNips(count: number, taken: Set<string>, offset = 0): string[] {
  const out: string[] = [];
  for (let i = offset; out.length < count; i++) {
    const year = 1960 + (i % 35);
    const month = 1 + (Math.floor(i / 35) % 12);
    const day = 1 + (Math.floor(i / 420) % 28);
    const serial = 1 + (Math.floor(i / 11760) % 999);
    const nip = encodeNip({
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      gender: i % 2 ? 'L' : 'P',
      serial,
      kind: 'PNS',
      appointment: `${year + 23}-0${1 + (i % 9)}`,
    });
    if (!taken.has(nip)) out.push(nip);
  }
  return out;
}

export const EMP_HEADER =
  'nip,nama,gelar_depan,gelar_belakang,status,golongan,kode_unit,jabatan,nip_atasan,email,telepon';

export function employeeCsv(
  nips: string[],
  opts: { unit?: string; position?: string; sep?: string } = {},
): string {
  const sep = opts.sep ?? ',';
  const lines = [EMP_HEADER.replaceAll(',', sep)];
  nips.forEach((nip, i) => {
    lines.push(
      [
        nip,
        `Pegawai Uji ${i}`,
        '',
        'S.E.',
        'PNS',
        'III/a',
        opts.unit ?? 'DISDUKCAPIL',
        opts.position ?? '',
        '',
        '',
        '',
      ].join(sep),
    );
  });
  return lines.join('\r\n') + '\r\n';
}
