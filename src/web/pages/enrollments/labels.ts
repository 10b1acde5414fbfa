import type { paths } from '../../api/client';

export type EnrolmentItem =
  paths['/api/enrollments']['get']['responses'][200]['content']['application/json']['items'][number];
export type EnrolmentStatus = EnrolmentItem['status'];

export const STATUS_COLOR: Record<EnrolmentStatus, string> = {
  pending_atasan: 'blue.9',
  pending_bkpsdm: 'indigo.9',
  approved: 'teal.9',
  waitlisted: 'grape.9',
  rejected: 'red.9',
  cancelled: 'gray.8',
  completed: 'green.9',
  not_completed: 'red.9',
};

export const OPEN: readonly EnrolmentStatus[] = [
  'pending_atasan',
  'pending_bkpsdm',
  'approved',
  'waitlisted',
];

const rp = new Intl.NumberFormat('id-ID');
export const rupiah = (n: number) => `Rp ${rp.format(n)}`;
