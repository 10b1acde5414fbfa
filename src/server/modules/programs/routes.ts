import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import { IdParams } from '../../http/schemas.js';
import {
  Calendar,
  CalendarQuery,
  EligibilityResult,
  JpRuleSets,
  ProgramDetail,
  ProgramInput,
  ProgramList,
  ProgramListQuery,
  ProgramPatch,
  SessionInput,
  SessionParams,
  StatusInput,
} from './schemas.js';
import type { ProgramService } from './service.js';

/** Who may create and change programmes; the data scope (policy.ts) decides which ones. */
const ORGANISERS = ['admin', 'operator', 'mitra'] as const;

export const programRoutes =
  (service: ProgramService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['programs'];
    app.get(
      '/api/programs',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Katalog program pengembangan kompetensi',
          description:
            'Pencarian q (judul, kode, penyelenggara); filter bentuk (form A1…C13), jalur (path), cakupan (scope), mitra, ' +
            'status, kompetensi sasaran, bulan (month=yyyy-mm) atau rentang tanggal sesi (from/to); halaman seperti daftar pegawai. ' +
            'Mitra hanya melihat program mitranya; pegawai dan atasan melihat program yang bukan draf.',
          querystring: ProgramListQuery,
          response: { 200: ProgramList },
        },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.get(
      '/api/programs/calendar',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Sesi program dalam satu bulan (zona waktu instansi), untuk tampilan kalender',
          querystring: CalendarQuery,
          response: { 200: Calendar },
        },
      },
      async (req) => service.calendar(requireAuth(req), req.query),
    );
    app.get(
      '/api/programs/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Rincian program', params: IdParams, response: { 200: ProgramDetail } },
      },
      async (req) => service.detail(requireAuth(req), req.params.id, langOf(req)),
    );
    app.get(
      '/api/programs/:id/eligibility',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Apakah pegawai (NIP, atau diri sendiri) memenuhi syarat program ini, dengan alasannya',
          params: IdParams,
          querystring: z.object({ nip: z.string().trim().max(40).optional() }),
          response: { 200: EligibilityResult },
        },
      },
      async (req) => service.eligibility(requireAuth(req), langOf(req), req.params.id, req.query.nip),
    );
    app.post(
      '/api/programs',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Tambah program (JP dihitung dari aturan konversi yang berlaku)',
          body: ProgramInput,
          response: { 200: ProgramDetail },
        },
      },
      async (req) => service.create(requireAuth(req), actorOf(req), langOf(req), req.body),
    );
    app.patch(
      '/api/programs/:id',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Ubah program',
          params: IdParams,
          body: ProgramPatch,
          response: { 200: ProgramDetail },
        },
      },
      async (req) => service.update(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/programs/:id/status',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Terbitkan, tutup, batalkan atau kembalikan ke draf',
          params: IdParams,
          body: StatusInput,
          response: { 200: ProgramDetail },
        },
      },
      async (req) =>
        service.setStatus(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body.status),
    );
    app.post(
      '/api/programs/:id/sessions',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Tambah sesi (JP dihitung ulang)',
          params: IdParams,
          body: SessionInput,
          response: { 200: ProgramDetail },
        },
      },
      async (req) => service.addSession(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.put(
      '/api/programs/:id/sessions/:sessionId',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Ubah sesi (JP dihitung ulang)',
          params: SessionParams,
          body: SessionInput,
          response: { 200: ProgramDetail },
        },
      },
      async (req) =>
        service.updateSession(
          requireAuth(req),
          actorOf(req),
          langOf(req),
          req.params.id,
          req.params.sessionId,
          req.body,
        ),
    );
    app.delete(
      '/api/programs/:id/sessions/:sessionId',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Hapus sesi (JP dihitung ulang)',
          params: SessionParams,
          response: { 200: ProgramDetail },
        },
      },
      async (req) =>
        service.removeSession(
          requireAuth(req),
          actorOf(req),
          langOf(req),
          req.params.id,
          req.params.sessionId,
        ),
    );
    app.get(
      '/api/jp-rules',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Aturan konversi JP (per bentuk, nasional/internasional) dengan tanggal berlakunya',
          response: { 200: JpRuleSets },
        },
      },
      async (req) => service.jpRules(requireAuth(req)),
    );
  };
