/** Stores the multipart field `file` in a temporary file (the import streams it from there). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { acquireImportSlot } from './slots.js';

/** Must match the multipart limit registered in app.ts. */
const MAX_UPLOAD_MB = 50;

/** Upload files are named after the process that owns them, so a restart can remove those left behind. */
export const UPLOAD_PREFIX = 'asah-import-';
const uploadPath = () => path.join(os.tmpdir(), `${UPLOAD_PREFIX}${process.pid}-${crypto.randomUUID()}`);

export async function receiveUpload(req: FastifyRequest): Promise<{ filePath: string; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('import.fileMissing');
  let part;
  try {
    part = await req.file();
  } catch {
    throw new AppError('import.fileMissing');
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('import.fileMissing');
  }
  const filePath = uploadPath();
  try {
    await pipeline(part.file, fs.createWriteStream(filePath));
    if (part.file.truncated) throw new AppError('import.tooLarge', { mb: MAX_UPLOAD_MB });
  } catch (e) {
    await fs.promises.rm(filePath, { force: true });
    if (e instanceof AppError) throw e;
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('import.tooLarge', { mb: MAX_UPLOAD_MB });
    throw e;
  }
  const fileName = path.basename(part.filename || 'berkas').slice(0, 200);
  return { filePath, fileName };
}

/**
 * Takes one of the caller's import slots (429/503 while none is free), receives the uploaded file,
 * hands it to `use` (an import, a preview) and removes the temporary file and gives the slot back
 * afterwards, whatever happens.
 */
export async function withUpload<T>(
  req: FastifyRequest,
  use: (upload: { filePath: string; fileName: string }) => Promise<T>,
): Promise<T> {
  const release = acquireImportSlot(req.auth?.userId ?? req.ip);
  try {
    const upload = await receiveUpload(req);
    try {
      return await use(upload);
    } finally {
      await fs.promises.rm(upload.filePath, { force: true });
    }
  } finally {
    release();
  }
}
