import type { paths } from '../../api/client';

export type EnrolmentItem =
  paths['/api/enrollments']['get']['responses'][200]['content']['application/json']['items'][number];
export type EnrolmentStatus = EnrolmentItem['status'];

export const STATUS_COLOR: Record<EnrolmentStatus, string> = {
  pending_atasan: 'yellow',
  pending_bkpsdm: 'orange',
  approved: 'green',
  waitlisted: 'grape',
  rejected: 'red',
  cancelled: 'gray',
  completed: 'teal',
  not_completed: 'red',
};

export const OPEN: readonly EnrolmentStatus[] = [
  'pending_atasan',
  'pending_bkpsdm',
  'approved',
  'waitlisted',
];

const rp = new Intl.NumberFormat('id-ID');
export const rupiah = (n: number) => `Rp ${rp.format(n)}`;
