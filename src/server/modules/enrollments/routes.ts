import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import { IdParams } from '../../http/schemas.js';
import type { AttendanceService } from './attendance.js';
import {
  Approvals,
  AttendanceInput,
  CancelInput,
  CheckinCode,
  CheckinInput,
  CheckinResult,
  CompletionResult,
  DecisionInput,
  EnrolmentInput,
  EnrolmentList,
  EnrolmentListQuery,
  EnrolmentResult,
  Participants,
  ReplaceInput,
  Saved,
  ScoresInput,
} from './schemas.js';
import type { EnrollmentService } from './service.js';

/** Organisers: operators of the organising unit, BKPSDM, admin, mitra (their partner's programmes). */
const ORGANISERS = ['admin', 'operator', 'mitra'] as const;
const STAFF = ['admin', 'operator', 'atasan', 'pegawai'] as const;

export const enrollmentRoutes =
  (service: EnrollmentService, attendance: AttendanceService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['enrollments'];
    app.post(
      '/api/enrollments',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Ajukan diri (tanpa NIP) atau usulkan pegawai (NIP) untuk ikut program',
          description:
            'Pegawai mengajukan untuk dirinya (alasan wajib); operator mengusulkan pegawai OPD-nya, atasan bawahannya. ' +
            'Syarat program (jenis jabatan, golongan) diperiksa; yang tidak memenuhi ditolak dengan alasannya. ' +
            'Permintaan dan usulan operator menunggu atasan; usulan atasan langsung menunggu BKPSDM. ' +
            'Jadwal yang bentrok dengan program lain yang sudah disetujui menjadi peringatan, bukan penolakan.',
          body: EnrolmentInput,
          response: { 200: EnrolmentResult },
        },
      },
      async (req) => service.create(requireAuth(req), actorOf(req), langOf(req), req.body),
    );
    app.get(
      '/api/enrollments',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Daftar pendaftaran sesuai cakupan (diri, tim, OPD, program yang diselenggarakan, mitra)',
          querystring: EnrolmentListQuery,
          response: { 200: EnrolmentList },
        },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.get(
      '/api/enrollments/approvals',
      {
        config: { access: ['admin', 'operator', 'atasan'] },
        schema: {
          tags,
          summary: 'Pendaftaran yang menunggu keputusan saya, dengan dampak anggaran untuk BKPSDM',
          response: { 200: Approvals },
        },
      },
      async (req) => service.approvals(requireAuth(req), langOf(req)),
    );
    app.post(
      '/api/enrollments/:id/decision',
      {
        config: { access: ['admin', 'operator', 'atasan'] },
        schema: {
          tags,
          summary: 'Setujui atau tolak (alasan wajib) pada langkah atasan atau BKPSDM',
          params: IdParams,
          body: DecisionInput,
          response: { 200: EnrolmentResult },
        },
      },
      async (req) => service.decide(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/enrollments/:id/cancel',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Batalkan pendaftaran; kursinya diberikan ke urutan pertama daftar tunggu',
          params: IdParams,
          body: CancelInput,
          response: { 200: EnrolmentResult },
        },
      },
      async (req) =>
        service.cancel(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/enrollments/:id/replace',
      {
        config: { access: ['admin', 'operator'] },
        schema: {
          tags,
          summary: 'Ganti peserta dengan pegawai lain pada tempat yang sama (satu transaksi)',
          params: IdParams,
          body: ReplaceInput,
          response: { 200: EnrolmentResult },
        },
      },
      async (req) => service.replace(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/programs/:id/participants',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Peserta program untuk penyelenggara: status, urutan tunggu, presensi per sesi, nilai',
          params: IdParams,
          response: { 200: Participants },
        },
      },
      async (req) => attendance.participants(requireAuth(req), req.params.id),
    );
    app.put(
      '/api/programs/:id/scores',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Simpan nilai pre-test dan post-test peserta',
          params: IdParams,
          body: ScoresInput,
          response: { 200: Saved },
        },
      },
      async (req) =>
        attendance.scores(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body.scores),
    );
    app.post(
      '/api/programs/:id/completion',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Tetapkan kelulusan dari presensi dan post-test (aturan program)',
          params: IdParams,
          response: { 200: CompletionResult },
        },
      },
      async (req) => attendance.decideCompletion(requireAuth(req), actorOf(req), req.params.id),
    );
    app.put(
      '/api/sessions/:id/attendance',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Simpan presensi satu sesi untuk seluruh daftar (hadir, izin, sakit, alpa)',
          params: IdParams,
          body: AttendanceInput,
          response: { 200: Saved },
        },
      },
      async (req) =>
        attendance.mark(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body.marks),
    );
    app.get(
      '/api/sessions/:id/checkin-code',
      {
        config: { access: ORGANISERS },
        schema: {
          tags,
          summary: 'Kode presensi QR yang berlaku sekarang (berganti tiap 30 detik), untuk penyelenggara',
          params: IdParams,
          response: { 200: CheckinCode },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return attendance.code(requireAuth(req), req.params.id);
      },
    );
    app.post(
      '/api/sessions/:id/checkin',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Presensi QR peserta: kode saat ini atau 30 detik sebelumnya, selama waktu sesi',
          params: IdParams,
          body: CheckinInput,
          response: { 200: CheckinResult },
        },
      },
      async (req) =>
        attendance.checkin(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body.code),
    );
  };
