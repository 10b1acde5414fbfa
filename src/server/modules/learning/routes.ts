import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import { sendXlsx } from '../../http/xlsx.js';
import { NipParams } from '../employees/schemas.js';
import { COMPLIANCE_COLUMNS, COMPLIANCE_GUIDE, PEOPLE_COLUMNS, PEOPLE_GUIDE } from './export.js';
import {
  ComplianceQuery,
  ComplianceReport,
  CompliancePeople,
  CompliancePeopleExportQuery,
  CompliancePeopleQuery,
  LearningRecords,
  MyLearning,
  YearQuery,
} from './schemas.js';
import type { LearningService } from './service.js';

const RECORD_READERS = ['admin', 'operator', 'atasan', 'pegawai', 'pimpinan'] as const;
const REPORT_READERS = ['admin', 'operator', 'pimpinan'] as const;

export const learningRoutes =
  (service: LearningService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['learning'];
    app.get(
      '/api/employees/:nip/learning-records',
      {
        config: { access: RECORD_READERS },
        schema: {
          tags,
          summary:
            'Catatan pembelajaran pegawai satu tahun: JP tiap kegiatan dan jumlahnya terhadap target 20 JP',
          description:
            'Tahun bawaan: tahun berjalan (zona waktu instansi). Target dari aturan JP yang berlaku.',
          params: NipParams,
          querystring: YearQuery,
          response: { 200: LearningRecords },
        },
      },
      async (req) => service.records(requireAuth(req), langOf(req), req.params.nip, req.query.year),
    );
    app.get(
      '/api/my/learning',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Belajar saya: JP tahun ini, riwayat per tahun, sesi mendatang dan sertifikat',
          querystring: YearQuery,
          response: { 200: MyLearning },
        },
      },
      async (req) => service.mine(requireAuth(req), langOf(req), req.query.year),
    );
    app.get(
      '/api/reports/jp-compliance',
      {
        config: { access: REPORT_READERS },
        schema: {
          tags,
          summary: 'Kepatuhan 20 JP per unit bawahan: jumlah pegawai, yang memenuhi, dan persentasenya',
          description:
            'Tanpa `unitId`: seluruh instansi (operator: OPD-nya). Tiap baris mencakup unit itu beserta sub-unitnya.',
          querystring: ComplianceQuery,
          response: { 200: ComplianceReport },
        },
      },
      async (req) => service.compliance(requireAuth(req), req.query),
    );
    app.get(
      '/api/reports/jp-compliance.xlsx',
      {
        config: { access: REPORT_READERS },
        schema: {
          tags,
          summary: 'Unduh kepatuhan 20 JP per unit sebagai Excel',
          querystring: ComplianceQuery,
        },
      },
      async (req, reply) => {
        const report = await service.compliance(requireAuth(req), req.query);
        return sendXlsx(
          reply,
          `kepatuhan-jp-${report.year}.xlsx`,
          `Kepatuhan JP ${report.year}`,
          COMPLIANCE_COLUMNS,
          [report.units],
          COMPLIANCE_GUIDE(report.targetJp),
        );
      },
    );
    app.get(
      '/api/reports/jp-compliance/people',
      {
        config: { access: REPORT_READERS },
        schema: {
          tags,
          summary: 'Pegawai suatu unit dengan JP tahun itu; bawaan: hanya yang belum mencapai target',
          querystring: CompliancePeopleQuery,
          response: { 200: CompliancePeople },
        },
      },
      async (req) => service.people(requireAuth(req), req.query),
    );
    app.get(
      '/api/reports/jp-compliance/people.xlsx',
      {
        config: { access: REPORT_READERS },
        schema: {
          tags,
          summary: 'Unduh daftar pegawai dan JP-nya sebagai Excel',
          querystring: CompliancePeopleExportQuery,
        },
      },
      async (req, reply) => {
        const list = await service.people(requireAuth(req), { ...req.query, page: null });
        return sendXlsx(
          reply,
          `jp-pegawai-${list.year}.xlsx`,
          `JP ${list.year}`,
          PEOPLE_COLUMNS,
          [list.items],
          PEOPLE_GUIDE(list.targetJp),
        );
      },
    );
  };
