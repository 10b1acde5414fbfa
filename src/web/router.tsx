import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from './api/queries';
import { AppLayout } from './components/AppLayout';
import { Loading } from './components/States';
import { can, type Screen } from './lib/access';
import { ForbiddenError, NotFoundPage, RouteError } from './pages/NotFound';
import { assessSearch, campaignSearch, tasksSearch } from './pages/assessments/search';
import { gapPeopleSearch } from './pages/competency/GapPeople';
import { talentSearch } from './pages/talent/search';
import { partnerSearch, programSearch } from './pages/programs/search';
import { checkinSearch } from './pages/enrollments/search';
import { complianceSearch, myLearningSearch } from './pages/learning/search';
import { projectSearch } from './pages/projects/search';
import { queryClient, setSignedOutHandler } from './queryClient';
import {
  auditSearch,
  employeeSearch,
  gapMapSearch,
  importSearch,
  signInSearch,
  unitSearch,
  userSearch,
} from './search';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: () => <NotFoundPage bare />,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/masuk',
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import('./pages/SignIn'), 'SignInPage'),
});

/** Public certificate verification behind the QR code: outside the app shell, no sign-in. */
const verifyCertificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi/$code',
  component: lazyRouteComponent(() => import('./pages/certificates/Verify'), 'VerifyCertificatePage'),
});

/** Everything behind sign-in shares the app shell; signed-out visitors go to /masuk and come back. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/masuk', search: { redirect: location.href } });
    return { me };
  },
  component: AppLayout,
  notFoundComponent: () => <NotFoundPage />,
});

const guard = (screen: Screen) => () => {
  const me = queryClient.getQueryData(meQuery.queryKey);
  if (!me || !can(me, screen)) throw new ForbiddenError();
};

const page = <P extends string>(path: P) => ({ getParentRoute: () => appRoute, path });

const homeRoute = createRoute({
  ...page('/'),
  component: lazyRouteComponent(() => import('./pages/home/Home'), 'HomePage'),
});
const unitsRoute = createRoute({
  ...page('/unit'),
  validateSearch: unitSearch,
  beforeLoad: guard('units'),
  component: lazyRouteComponent(() => import('./pages/Units'), 'UnitsPage'),
});
const employeesRoute = createRoute({
  ...page('/pegawai'),
  validateSearch: employeeSearch,
  beforeLoad: guard('employees'),
  component: lazyRouteComponent(() => import('./pages/employees/EmployeeList'), 'EmployeeListPage'),
});
const newEmployeeRoute = createRoute({
  ...page('/pegawai/baru'),
  beforeLoad: guard('newEmployee'),
  component: lazyRouteComponent(() => import('./pages/employees/NewEmployee'), 'NewEmployeePage'),
});
const profileRoute = createRoute({
  ...page('/pegawai/$nip'),
  component: lazyRouteComponent(() => import('./pages/employees/Profile'), 'ProfilePage'),
});
const gapMapRoute = createRoute({
  ...page('/kompetensi/peta'),
  validateSearch: gapMapSearch,
  beforeLoad: guard('gapMap'),
  component: lazyRouteComponent(() => import('./pages/competency/GapMap'), 'GapMapPage'),
});
const gapPeopleRoute = createRoute({
  ...page('/kompetensi/peta/orang'),
  validateSearch: gapPeopleSearch,
  beforeLoad: guard('gapMap'),
  component: lazyRouteComponent(() => import('./pages/competency/GapPeople'), 'GapPeoplePage'),
});
const talentRoute = createRoute({
  ...page('/kompetensi/talenta'),
  validateSearch: talentSearch,
  beforeLoad: guard('talent'),
  component: lazyRouteComponent(() => import('./pages/talent/NineBox'), 'NineBoxPage'),
});
const skpImportRoute = createRoute({
  ...page('/kompetensi/talenta/impor-skp'),
  beforeLoad: guard('skpImport'),
  component: lazyRouteComponent(() => import('./pages/talent/SkpImport'), 'SkpImportPage'),
});
const dictionaryRoute = createRoute({
  ...page('/kompetensi/kamus'),
  beforeLoad: guard('dictionary'),
  component: lazyRouteComponent(() => import('./pages/competency/Dictionary'), 'DictionaryPage'),
});
const standardsRoute = createRoute({
  ...page('/kompetensi/standar'),
  beforeLoad: guard('standards'),
  component: lazyRouteComponent(() => import('./pages/competency/Standards'), 'StandardsPage'),
});
const importRoute = createRoute({
  ...page('/impor'),
  validateSearch: importSearch,
  beforeLoad: guard('import'),
  component: lazyRouteComponent(() => import('./pages/imports/ImportWizard'), 'ImportPage'),
});
const usersRoute = createRoute({
  ...page('/pengguna'),
  validateSearch: userSearch,
  beforeLoad: guard('users'),
  component: lazyRouteComponent(() => import('./pages/users/Users'), 'UsersPage'),
});
const tenantsRoute = createRoute({
  ...page('/instansi'),
  beforeLoad: guard('tenants'),
  component: lazyRouteComponent(() => import('./pages/platform/Tenants'), 'TenantsPage'),
});
const auditRoute = createRoute({
  ...page('/audit'),
  validateSearch: auditSearch,
  beforeLoad: guard('audit'),
  component: lazyRouteComponent(() => import('./pages/Audit'), 'AuditPage'),
});
const accountRoute = createRoute({
  ...page('/akun'),
  component: lazyRouteComponent(() => import('./pages/Account'), 'AccountPage'),
});

const tasksRoute = createRoute({
  ...page('/penilaian'),
  validateSearch: tasksSearch,
  beforeLoad: guard('assessments'),
  component: lazyRouteComponent(() => import('./pages/assessments/Tasks'), 'TasksPage'),
});
const assessRoute = createRoute({
  ...page('/penilaian/$nip'),
  validateSearch: assessSearch,
  beforeLoad: guard('assessments'),
  component: lazyRouteComponent(() => import('./pages/assessments/AssessmentForm'), 'AssessmentFormPage'),
});
const campaignsRoute = createRoute({
  ...page('/kompetensi/kampanye'),
  validateSearch: campaignSearch,
  beforeLoad: guard('campaigns'),
  component: lazyRouteComponent(() => import('./pages/assessments/Campaigns'), 'CampaignsPage'),
});
const acImportRoute = createRoute({
  ...page('/kompetensi/impor-ac'),
  beforeLoad: guard('campaigns'),
  component: lazyRouteComponent(() => import('./pages/assessments/AcImport'), 'AcImportPage'),
});

const myLearningRoute = createRoute({
  ...page('/belajar'),
  validateSearch: myLearningSearch,
  beforeLoad: guard('myLearning'),
  component: lazyRouteComponent(() => import('./pages/learning/MyLearning'), 'MyLearningPage'),
});
const complianceRoute = createRoute({
  ...page('/laporan/jp'),
  validateSearch: complianceSearch,
  beforeLoad: guard('jpCompliance'),
  component: lazyRouteComponent(() => import('./pages/learning/Compliance'), 'CompliancePage'),
});
const proposalsRoute = createRoute({
  ...page('/kompetensi/usulan'),
  beforeLoad: guard('proposals'),
  component: lazyRouteComponent(() => import('./pages/learning/Proposals'), 'ProposalsPage'),
});

const programsRoute = createRoute({
  ...page('/program'),
  validateSearch: programSearch,
  beforeLoad: guard('programs'),
  component: lazyRouteComponent(() => import('./pages/programs/Catalog'), 'CatalogPage'),
});
const newProgramRoute = createRoute({
  ...page('/program/baru'),
  beforeLoad: guard('programEdit'),
  component: lazyRouteComponent(() => import('./pages/programs/ProgramForm'), 'NewProgramPage'),
});
const programRoute = createRoute({
  ...page('/program/$programId'),
  beforeLoad: guard('programs'),
  component: lazyRouteComponent(() => import('./pages/programs/ProgramDetail'), 'ProgramDetailPage'),
});
const editProgramRoute = createRoute({
  ...page('/program/$programId/ubah'),
  beforeLoad: guard('programEdit'),
  component: lazyRouteComponent(() => import('./pages/programs/ProgramForm'), 'EditProgramPage'),
});
const partnersRoute = createRoute({
  ...page('/mitra'),
  validateSearch: partnerSearch,
  beforeLoad: guard('partners'),
  component: lazyRouteComponent(() => import('./pages/partners/Partners'), 'PartnersPage'),
});
const partnerRoute = createRoute({
  ...page('/mitra/$partnerId'),
  beforeLoad: guard('partners'),
  component: lazyRouteComponent(() => import('./pages/partners/PartnerDetail'), 'PartnerDetailPage'),
});

const approvalsRoute = createRoute({
  ...page('/persetujuan'),
  beforeLoad: guard('approvals'),
  component: lazyRouteComponent(() => import('./pages/enrollments/Approvals'), 'ApprovalsPage'),
});
const participantsRoute = createRoute({
  ...page('/program/$programId/peserta'),
  beforeLoad: guard('participants'),
  component: lazyRouteComponent(() => import('./pages/enrollments/Participants'), 'ParticipantsPage'),
});
const checkinQrRoute = createRoute({
  ...page('/program/$programId/sesi/$sessionId/qr'),
  beforeLoad: guard('participants'),
  component: lazyRouteComponent(() => import('./pages/enrollments/CheckinQr'), 'CheckinQrPage'),
});
const checkinRoute = createRoute({
  ...page('/hadir'),
  validateSearch: checkinSearch,
  component: lazyRouteComponent(() => import('./pages/enrollments/Checkin'), 'CheckinPage'),
});
const outboxRoute = createRoute({
  ...page('/kotak-keluar'),
  beforeLoad: guard('outbox'),
  component: lazyRouteComponent(() => import('./pages/enrollments/Outbox'), 'OutboxPage'),
});

const projectsRoute = createRoute({
  ...page('/proyek-mahasiswa'),
  validateSearch: projectSearch,
  beforeLoad: guard('studentProjects'),
  component: lazyRouteComponent(() => import('./pages/projects/Projects'), 'ProjectsPage'),
});
// Supervisors (atasan, pegawai) reach their projects by link; the API decides what they may read.
const projectRoute = createRoute({
  ...page('/proyek-mahasiswa/$id'),
  component: lazyRouteComponent(() => import('./pages/projects/ProjectDetail'), 'ProjectDetailPage'),
});

const externalSubmitRoute = createRoute({
  ...page('/belajar/sertifikat-luar'),
  beforeLoad: guard('myLearning'),
  component: lazyRouteComponent(() => import('./pages/certificates/ExternalSubmit'), 'ExternalSubmitPage'),
});
/** An operator records a certificate an employee handed in on paper, for the same check. */
const externalRecordRoute = createRoute({
  ...page('/sertifikat/verifikasi/catat'),
  beforeLoad: guard('certificateReview'),
  component: lazyRouteComponent(() => import('./pages/certificates/ExternalSubmit'), 'ExternalRecordPage'),
});
const externalReviewRoute = createRoute({
  ...page('/sertifikat/verifikasi'),
  beforeLoad: guard('certificateReview'),
  component: lazyRouteComponent(() => import('./pages/certificates/ExternalReview'), 'ExternalReviewPage'),
});

// Unknown addresses render the 404 page inside the shell (after sign-in).
const splatRoute = createRoute({ ...page('$'), component: () => <NotFoundPage /> });

const routeTree = rootRoute.addChildren([
  signInRoute,
  verifyCertificateRoute,
  appRoute.addChildren([
    homeRoute,
    unitsRoute,
    employeesRoute,
    newEmployeeRoute,
    profileRoute,
    gapMapRoute,
    gapPeopleRoute,
    talentRoute,
    skpImportRoute,
    dictionaryRoute,
    standardsRoute,
    importRoute,
    usersRoute,
    tenantsRoute,
    auditRoute,
    accountRoute,
    tasksRoute,
    assessRoute,
    campaignsRoute,
    acImportRoute,
    myLearningRoute,
    complianceRoute,
    proposalsRoute,
    projectsRoute,
    projectRoute,
    externalSubmitRoute,
    externalRecordRoute,
    externalReviewRoute,
    programsRoute,
    newProgramRoute,
    programRoute,
    editProgramRoute,
    partnersRoute,
    partnerRoute,
    approvalsRoute,
    participantsRoute,
    checkinQrRoute,
    checkinRoute,
    outboxRoute,
    splatRoute,
  ]),
]);

/** Plain query strings (?q=1990…&page=2), not JSON: links stay readable and shareable. */
const parseSearch = (str: string) =>
  Object.fromEntries(new URLSearchParams(str.startsWith('?') ? str.slice(1) : str));
const stringifySearch = (search: Record<string, unknown>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(search))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  context: { queryClient },
  defaultPendingComponent: Loading,
  defaultPendingMs: 300,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

setSignedOutHandler(() => {
  const here = router.state.location.href;
  if (!here.startsWith('/masuk')) void router.navigate({ to: '/masuk', search: { redirect: here } });
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
