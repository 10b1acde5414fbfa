/**
 * The certificate as a PDF (A4 landscape), drawn by pdfmake on the server with its bundled Roboto
 * fonts held in memory. pdfmake may read no URL and no local file: both access policies refuse
 * everything, so a document can only use what is embedded here (text and the QR code image).
 */
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import type { CertificateIssuer } from '../../../domain/tenant.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown, options?: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (engine) return engine;
  const pm = require('pdfmake') as PdfMake;
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  for (const [name, data] of Object.entries(vfs))
    pm.virtualfs.writeFileSync(name, Buffer.from(data, 'base64'));
  pm.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  engine = pm;
  return pm;
}

export interface CertificatePdfData {
  number: string;
  holderName: string;
  programTitle: string;
  startsOn: string;
  endsOn: string;
  jp: number;
  issuedOn: string;
  tenantName: string;
  /** Heading, agency, place and signer, from the tenant's settings or its name. */
  issuer: CertificateIssuer;
  verifyUrl: string;
  revoked: boolean;
}

/** 2026-11-28 → 28/11/2026 */
export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const jpText = (jp: number) => String(jp).replace('.', ',');

/** The PDF bytes of a certificate. `compress: false` keeps its text readable for checks. */
export async function certificatePdf(c: CertificatePdfData, compress = true): Promise<Buffer> {
  const qr = await QRCode.toDataURL(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const dates = c.startsOn === c.endsOn ? dmy(c.startsOn) : `${dmy(c.startsOn)} s.d. ${dmy(c.endsOn)}`;
  const doc = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 50, 60, 40],
    compress,
    info: { title: `Sertifikat ${c.number}`, author: c.tenantName, creator: 'Asah' },
    defaultStyle: { font: 'Roboto', fontSize: 12, color: '#1f2933' },
    background: () => ({
      canvas: [
        { type: 'rect', x: 20, y: 20, w: 801.89, h: 555.28, lineWidth: 3, lineColor: '#1c5d99' },
        { type: 'rect', x: 28, y: 28, w: 785.89, h: 539.28, lineWidth: 0.8, lineColor: '#1c5d99' },
      ],
    }),
    content: [
      { text: c.issuer.heading, alignment: 'center', bold: true, fontSize: 16 },
      {
        text: c.issuer.agency,
        alignment: 'center',
        fontSize: 11,
        margin: [0, 2, 0, 0],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 6, x2: 721.89, y2: 6, lineWidth: 1, lineColor: '#1c5d99' }],
      },
      { text: 'SERTIFIKAT', alignment: 'center', bold: true, fontSize: 30, margin: [0, 18, 0, 0] },
      { text: `Nomor: ${c.number}`, alignment: 'center', fontSize: 11, margin: [0, 4, 0, 16] },
      { text: 'Diberikan kepada', alignment: 'center' },
      { text: c.holderName, alignment: 'center', bold: true, fontSize: 22, margin: [0, 6, 0, 10] },
      { text: 'yang telah menyelesaikan', alignment: 'center' },
      { text: c.programTitle, alignment: 'center', bold: true, fontSize: 16, margin: [0, 6, 0, 6] },
      {
        text: `pada ${dates} dengan beban ${jpText(c.jp)} jam pelajaran (JP).`,
        alignment: 'center',
      },
      ...(c.revoked
        ? [
            {
              text: 'SERTIFIKAT INI TELAH DICABUT',
              alignment: 'center',
              bold: true,
              color: '#b3261e',
              margin: [0, 8, 0, 0],
            },
          ]
        : []),
      {
        margin: [0, 24, 0, 0],
        columns: [
          {
            width: 110,
            stack: [{ image: qr, width: 100 }],
          },
          {
            width: '*',
            fontSize: 9,
            margin: [8, 10, 0, 0],
            stack: [
              { text: 'Periksa keaslian sertifikat ini / Verify this certificate:', bold: true },
              { text: c.verifyUrl, margin: [0, 2, 0, 0] },
              { text: 'Pindai kode QR atau buka alamat di atas.', margin: [0, 2, 0, 0], color: '#52606d' },
            ],
          },
          {
            width: 240,
            alignment: 'center',
            stack: [
              { text: `${c.issuer.place}, ${dmy(c.issuedOn)}` },
              { text: c.issuer.signerTitle, margin: [0, 2, 0, 36] },
              { text: 'Diterbitkan secara elektronik melalui Asah', fontSize: 9, color: '#52606d' },
            ],
          },
        ],
      },
    ],
  };
  return pdfmake().createPdf(doc).getBuffer();
}

/** A plain one-page PDF of a heading and a few lines (the demo's scans of certificates earned elsewhere). */
export async function plainPdf(heading: string, lines: string[]): Promise<Buffer> {
  const doc = {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    content: [
      { text: heading, fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      ...lines.map((text) => ({ text, fontSize: 11, margin: [0, 0, 0, 6] })),
    ],
  };
  return pdfmake().createPdf(doc).getBuffer();
}
