import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeGolongan } from '../../../domain/golongan.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { sendXlsx } from '../../http/xlsx.js';
import {
  EmployeeCreate,
  EmployeeDetail,
  EmployeeList,
  EmployeeListQuery,
  EmployeeMove,
  EmployeePatch,
  NipParams,
} from './schemas.js';
import type { EmployeeService } from './service.js';

const READERS = ['admin', 'operator', 'atasan', 'pegawai', 'pimpinan'] as const;
const WRITERS = ['admin', 'operator'] as const;

export const employeeRoutes =
  (service: EmployeeService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['employees'];
    app.get(
      '/api/employees',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Daftar pegawai (sesuai cakupan pemanggil)',
          querystring: EmployeeListQuery,
          response: { 200: EmployeeList },
        },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.get(
      '/api/employees/export.xlsx',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Unduh Excel dari daftar yang sedang difilter',
          querystring: EmployeeListQuery,
        },
      },
      async (req, reply) =>
        sendXlsx(
          reply,
          'pegawai.xlsx',
          'Pegawai',
          [
            { header: 'nip', value: (e) => e.nip, text: true, width: 22 },
            { header: 'nama', value: (e) => e.fullName, width: 40 },
            { header: 'status', value: (e) => e.status, width: 8 },
            { header: 'golongan', value: (e) => describeGolongan(e.golongan), width: 28 },
            { header: 'unit', value: (e) => e.unitName, width: 40 },
            { header: 'jabatan', value: (e) => e.positionName, width: 40 },
            { header: 'jenis_kelamin', value: (e) => e.gender, width: 8 },
          ],
          service.pages(requireAuth(req), req.query),
        ),
    );
    app.get(
      '/api/employees/:nip',
      {
        config: { access: READERS },
        schema: { tags, summary: 'Profil pegawai', params: NipParams, response: { 200: EmployeeDetail } },
      },
      async (req) => service.detail(requireAuth(req), req.params.nip),
    );
    app.post(
      '/api/employees',
      {
        config: { access: WRITERS },
        schema: { tags, summary: 'Tambah pegawai', body: EmployeeCreate, response: { 200: EmployeeDetail } },
      },
      async (req) => service.create(requireAuth(req), req.body, actorOf(req)),
    );
    app.patch(
      '/api/employees/:nip',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Ubah data pegawai',
          params: NipParams,
          body: EmployeePatch,
          response: { 200: EmployeeDetail },
        },
      },
      async (req) => service.update(requireAuth(req), req.params.nip, req.body, actorOf(req)),
    );
    app.post(
      '/api/employees/:nip/moves',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Mutasi unit/jabatan dengan TMT',
          params: NipParams,
          body: EmployeeMove,
          response: { 200: EmployeeDetail },
        },
      },
      async (req) => service.move(requireAuth(req), req.params.nip, req.body, actorOf(req)),
    );
  };
