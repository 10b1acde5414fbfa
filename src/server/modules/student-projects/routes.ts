import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import {
  MemberBody,
  ProjectBody,
  ProjectDetail,
  ProjectList,
  ProjectListQuery,
  StatusBody,
  UpdateBody,
} from './schemas.js';
import type { StudentProjectService } from './service.js';

const READERS = ['admin', 'operator', 'pimpinan', 'mitra', 'atasan', 'pegawai'] as const;
const MANAGERS = ['admin', 'operator'] as const;
const ASSIGNERS = ['admin', 'operator', 'mitra'] as const;
const IdParams = z.object({ id: z.uuid() });
const MemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

export const studentProjectRoutes =
  (service: StudentProjectService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['student-projects'];
    app.get(
      '/api/student-projects',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Proyek nyata untuk mahasiswa mitra: yang dibuka OPD, berjalan dan selesai',
          description:
            'Operator: proyek OPD-nya (BKPSDM: semua). Mitra: proyek yang terbuka untuknya dan yang dikerjakan mahasiswanya. Pembimbing: proyek yang dibimbingnya.',
          querystring: ProjectListQuery,
          response: { 200: ProjectList },
        },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.get(
      '/api/student-projects/:id',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Rincian proyek: mahasiswa, kemajuan, hasil akhir',
          params: IdParams,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => service.detail(requireAuth(req), req.params.id),
    );
    app.post(
      '/api/student-projects',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'OPD membuka proyek nyata untuk mahasiswa',
          body: ProjectBody,
          response: { 201: ProjectDetail },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(requireAuth(req), actorOf(req), langOf(req), req.body)),
    );
    app.put(
      '/api/student-projects/:id',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Ubah proyek',
          params: IdParams,
          body: ProjectBody,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => service.update(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/student-projects/:id/status',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Ubah status proyek (berjalan, selesai dengan hasil akhir, batal, dibuka lagi)',
          params: IdParams,
          body: StatusBody,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => service.setStatus(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/student-projects/:id/members',
      {
        config: { access: ASSIGNERS },
        schema: {
          tags,
          summary: 'Mitra (perguruan tinggi) menugaskan mahasiswa ke proyek',
          params: IdParams,
          body: MemberBody,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => service.addMember(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/student-projects/:id/members/:memberId',
      {
        config: { access: ASSIGNERS },
        schema: {
          tags,
          summary: 'Tarik mahasiswa dari proyek',
          params: MemberParams,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => service.removeMember(requireAuth(req), actorOf(req), req.params.id, req.params.memberId),
    );
    app.post(
      '/api/student-projects/:id/updates',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Catat kemajuan proyek (pengelola, pembimbing, atau mitra yang mahasiswanya terlibat)',
          params: IdParams,
          body: UpdateBody,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => service.addUpdate(requireAuth(req), actorOf(req), req.params.id, req.body),
    );
  };
