import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, toApiError, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { hasRole } from '../../lib/access';
import { formatDate, formatNumber, parseDateInput } from '../../lib/format';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { rupiah } from '../programs/labels';
import { PARTNER_KINDS } from '../programs/search';

type Partner = paths['/api/partners/{id}']['get']['responses'][200]['content']['application/json'];
type Agreement = Partner['agreements'][number];
type Contribution = Partner['contributions'][number];
const STATUS_COLOR = { berlaku: 'teal.9', segera_berakhir: 'red.9', berakhir: 'gray.8' } as const;
const CONTRIBUTION_KINDS = ['pengajar', 'tempat', 'kursi_gratis', 'dana', 'peralatan', 'lainnya'] as const;

function Section({
  id,
  title,
  children,
  action,
}: {
  id: string;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** Dates typed as dd/mm/yyyy become yyyy-mm-dd; anything else is sent as typed for the server to name. */
const isoOf = (v: string) => parseDateInput(v) ?? v.trim();

/** Name, address and contact of a partner; the server names any field it refuses. */
function PartnerEditForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    name: partner.name,
    address: partner.address ?? '',
    contactName: partner.contactName ?? '',
    contactEmail: partner.contactEmail ?? '',
    contactPhone: partner.contactPhone ?? '',
    website: partner.website ?? '',
  });
  const { errors, title, showApiError, setErrors, setTitle } = useFormErrors();
  const labels: Record<keyof typeof v, string> = {
    name: t('partners.name'),
    address: t('partners.address'),
    contactName: t('partners.contactName'),
    contactEmail: t('partners.contactEmail'),
    contactPhone: t('partners.contactPhone'),
    website: t('partners.website'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setTitle(null);
    try {
      const o = (x: string) => x.trim() || null;
      await unwrap(
        api.PATCH('/api/partners/{id}', {
          params: { path: { id: partner.id } },
          body: {
            name: v.name.trim(),
            address: o(v.address),
            contactName: o(v.contactName),
            contactEmail: o(v.contactEmail),
            contactPhone: o(v.contactPhone),
            website: o(v.website),
          },
        }),
      );
      onDone();
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm" mt="sm">
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, Object.keys(labels), 'pe', labels)}
        />
        {(Object.keys(labels) as (keyof typeof v)[]).map((k) => (
          <TextInput
            key={k}
            id={`pe-${k}`}
            label={labels[k]}
            required={k === 'name'}
            value={v[k]}
            onChange={(e) => setV({ ...v, [k]: e.currentTarget.value })}
            error={errors[k]}
          />
        ))}
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function AgreementForm({ partnerId, onDone }: { partnerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    kind: 'mou',
    number: '',
    title: '',
    parties: '',
    scope: '',
    startsOn: '',
    endsOn: '',
    remind: 60 as number | string,
  });
  const { errors, title, showApiError, setErrors, setTitle } = useFormErrors();
  const labels = {
    kind: t('partners.agreementKind'),
    number: t('partners.number'),
    title: t('partners.agreementTitle'),
    startsOn: t('partners.startsOn'),
    endsOn: t('partners.endsOn'),
    remindDaysBefore: t('partners.remindDays'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setTitle(null);
    try {
      await unwrap(
        api.POST('/api/partners/{id}/agreements', {
          params: { path: { id: partnerId } },
          body: {
            kind: v.kind as 'mou' | 'pks',
            number: v.number.trim(),
            title: v.title.trim(),
            parties: v.parties.trim() || null,
            scope: v.scope.trim(),
            startsOn: isoOf(v.startsOn),
            endsOn: isoOf(v.endsOn),
            remindDaysBefore: Number(v.remind === '' ? 60 : v.remind),
          },
        }),
      );
      onDone();
    } catch (err) {
      showApiError(err);
    }
  };
  const f = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm" mt="sm">
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, Object.keys(labels), 'ag', labels)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            id="ag-kind"
            label={labels.kind}
            allowDeselect={false}
            data={[
              { value: 'mou', label: 'MoU' },
              { value: 'pks', label: 'PKS' },
            ]}
            value={v.kind}
            onChange={(x) => setV({ ...v, kind: x ?? 'mou' })}
          />
          <TextInput
            id="ag-number"
            label={labels.number}
            required
            value={v.number}
            onChange={f('number')}
            error={errors.number}
          />
          <TextInput
            id="ag-title"
            label={labels.title}
            required
            value={v.title}
            onChange={f('title')}
            error={errors.title}
          />
          <TextInput label={t('partners.parties')} value={v.parties} onChange={f('parties')} />
          <TextInput
            id="ag-startsOn"
            label={labels.startsOn}
            description={t('common.dateHint')}
            required
            value={v.startsOn}
            onChange={f('startsOn')}
            error={errors.startsOn}
          />
          <TextInput
            id="ag-endsOn"
            label={labels.endsOn}
            description={t('common.dateHint')}
            required
            value={v.endsOn}
            onChange={f('endsOn')}
            error={errors.endsOn}
          />
          <NumberInput
            id="ag-remindDaysBefore"
            label={labels.remindDaysBefore}
            min={0}
            max={365}
            allowDecimal={false}
            value={v.remind}
            onChange={(x) => setV({ ...v, remind: x })}
            error={errors.remindDaysBefore}
          />
        </SimpleGrid>
        <Textarea label={t('partners.scope')} autosize minRows={2} value={v.scope} onChange={f('scope')} />
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function ContributionForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    kind: null as string | null,
    description: '',
    value: '' as number | string,
    date: '',
    agreementId: null as string | null,
  });
  const { errors, title, showApiError, setErrors, setTitle } = useFormErrors();
  const labels = {
    kind: t('partners.contributionKind'),
    description: t('partners.description'),
    valueRupiah: t('partners.value'),
    contributedOn: t('partners.date'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setTitle(null);
    try {
      await unwrap(
        api.POST('/api/partners/{id}/contributions', {
          params: { path: { id: partner.id } },
          body: {
            kind: (v.kind ?? '') as 'dana',
            description: v.description.trim(),
            valueRupiah: v.value === '' ? -1 : Number(v.value),
            contributedOn: isoOf(v.date),
            agreementId: v.agreementId,
          },
        }),
      );
      onDone();
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm" mt="sm">
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, Object.keys(labels), 'ct', labels)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            id="ct-kind"
            label={labels.kind}
            required
            data={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`partners.contributionKinds.${k}`) }))}
            value={v.kind}
            onChange={(x) => setV({ ...v, kind: x })}
            error={errors.kind}
          />
          <TextInput
            id="ct-description"
            label={labels.description}
            required
            value={v.description}
            onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
            error={errors.description}
          />
          <NumberInput
            id="ct-valueRupiah"
            label={labels.valueRupiah}
            prefix="Rp "
            thousandSeparator="."
            decimalSeparator=","
            allowNegative={false}
            allowDecimal={false}
            value={v.value}
            onChange={(x) => setV({ ...v, value: x })}
            error={errors.valueRupiah}
          />
          <TextInput
            id="ct-contributedOn"
            label={labels.contributedOn}
            description={t('common.dateHint')}
            required
            value={v.date}
            onChange={(e) => setV({ ...v, date: e.currentTarget.value })}
            error={errors.contributedOn}
          />
          <Select
            label={t('partners.agreements')}
            clearable
            data={partner.agreements.map((a) => ({ value: a.id, label: a.number }))}
            value={v.agreementId}
            onChange={(x) => setV({ ...v, agreementId: x })}
          />
        </SimpleGrid>
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** Bars per year, with the numbers in a table for those who read numbers (or use a screen reader). */
function YearBars({ years }: { years: { year: number; total: number }[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...years.map((y) => y.total));
  return (
    <Table aria-label={t('partners.perYear')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('partners.year')}</Table.Th>
          <Table.Th>{t('partners.perYear')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {years.map((y) => (
          <Table.Tr key={y.year}>
            <Table.Td>{y.year}</Table.Td>
            <Table.Td>
              <div
                aria-hidden
                style={{
                  height: 12,
                  width: `${Math.max(2, (100 * y.total) / max)}%`,
                  background: 'var(--mantine-color-asah-6)',
                  borderRadius: 3,
                }}
              />
              <Text size="sm">{rupiah(y.total)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AgreementRow({
  a,
  manage,
  onChanged,
}: {
  a: Agreement;
  manage: boolean;
  onChanged: (msg: string | null, err?: string) => void;
}) {
  const { t } = useTranslation();
  const upload = async (file: File | null) => {
    if (!file) return;
    const fd = new FormData();
    fd.append('file', file);
    const res = await fetch(`/api/agreements/${a.id}/document`, {
      method: 'POST',
      body: fd,
      credentials: 'same-origin',
      headers: { 'Accept-Language': document.documentElement.lang || 'id' },
    });
    if (res.ok) onChanged(t('partners.uploaded'));
    else {
      const e = await toApiError(res);
      onChanged(null, e.errors[0]?.message ?? e.title);
    }
  };
  return (
    <Card withBorder radius="sm" padding="sm" component="li">
      <Group gap={6} wrap="wrap">
        <Badge color={STATUS_COLOR[a.status]}>{t(`partners.agreementStatus.${a.status}`)}</Badge>
        <Badge color="asah.9" variant="outline">
          {t(`partners.agreementKinds.${a.kind}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {a.daysLeft >= 0
            ? t('partners.daysLeft', { n: a.daysLeft })
            : t('partners.ended', { n: -a.daysLeft })}
        </Text>
      </Group>
      <Text fw={700} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {a.title}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('partners.number')}: {a.number} · {formatDate(a.startsOn)} – {formatDate(a.endsOn)}
      </Text>
      <Group gap="sm" mt={4} wrap="wrap">
        <Text size="sm">
          {t('partners.document')}:{' '}
          {a.document ? (
            <a href={`/api/agreements/${a.id}/document`} download>
              {a.document.name}
            </a>
          ) : (
            t('partners.noDocument')
          )}
        </Text>
        {manage && (
          <FileButton onChange={(f) => void upload(f)} accept="application/pdf">
            {(props) => (
              <Button {...props} size="compact-sm" variant="light">
                {t('partners.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
    </Card>
  );
}

/** Confirms deleting one contribution; the partner's totals and chart come back recalculated. */
function DeleteContributionModal({
  c,
  what,
  onClose,
  onDeleted,
}: {
  c: Contribution;
  what: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const del = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/contributions/{id}', { params: { path: { id: c.id } } })),
    onSuccess: onDeleted,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('contribDelete.title')}
      fullScreen={!!phone}
    >
      <Stack gap="md">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('contribDelete.text', { what })}
        </Text>
        {del.error && (
          <Alert color="red" role="alert">
            {del.error instanceof ApiError
              ? (del.error.errors[0]?.message ?? del.error.title)
              : String(del.error)}
          </Alert>
        )}
        <Group gap="sm" justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={del.isPending} onClick={() => del.mutate()}>
            {t('contribDelete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PartnerDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { partnerId } = useParams({ from: '/app/mitra/$partnerId' });
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [addAgreement, setAddAgreement] = useState(false);
  const [addContribution, setAddContribution] = useState(false);
  const [deleting, setDeleting] = useState<Contribution | null>(null);
  const [username, setUsername] = useState('');
  const [editing, setEditing] = useState(false);
  const key = ['partners', 'detail', partnerId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/partners/{id}', { params: { path: { id: partnerId } } })),
  });
  const refresh = (msg: string | null, err?: string) => {
    setNote(err ? { ok: false, text: err } : msg ? { ok: true, text: msg } : null);
    void qc.invalidateQueries({ queryKey: ['partners'] });
  };
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const manage = p.canManage;
  const contributionName = (c: Contribution) =>
    `${rupiah(c.valueRupiah)} · ${formatDate(c.contributedOn)} — ${c.description}`;
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      refresh(ok);
    } catch (e) {
      refresh(null, e instanceof ApiError ? (e.errors[0]?.message ?? e.title) : String(e));
    }
  };

  return (
    <Page title={p.name}>
      <LinkAnchor to="/mitra" style={{ alignSelf: 'flex-start' }}>
        {t('partners.back')}
      </LinkAnchor>
      <Group gap={6}>
        <Badge color="asah.9" variant="outline" size="lg">
          {t(`partners.kinds.${p.kind}`)}
        </Badge>
        {!p.active && (
          <Badge color="gray.8" size="lg">
            {t('partners.inactive')}
          </Badge>
        )}
      </Group>
      {note && (
        <Alert color={note.ok ? 'green' : 'red'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          id="contact-title"
          title={t('partners.contact')}
          action={
            manage && (
              <Select
                aria-label={t('partners.kind')}
                w={200}
                allowDeselect={false}
                data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
                value={p.kind}
                onChange={(k) =>
                  void act(
                    () =>
                      unwrap(
                        api.PATCH('/api/partners/{id}', {
                          params: { path: { id: p.id } },
                          body: { kind: k as Partner['kind'] },
                        }),
                      ),
                    t('partners.saved'),
                  )
                }
              />
            )
          }
        >
          <Stack gap={4}>
            <Text size="sm">
              {t('partners.address')}: {p.address ?? '—'}
            </Text>
            <Text size="sm">
              {t('partners.contactName')}: {p.contactName ?? '—'}
            </Text>
            <Text size="sm">
              {t('partners.contactEmail')}: {p.contactEmail ?? '—'}
            </Text>
            <Text size="sm">
              {t('partners.contactPhone')}: {p.contactPhone ?? '—'}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('partners.website')}: {p.website ?? '—'}
            </Text>
            <Text size="sm">
              {t('partners.programs')}:{' '}
              <LinkAnchor to="/program" search={{ partnerId: p.id }}>
                {formatNumber(p.programs)}
              </LinkAnchor>
            </Text>
            {manage && (
              <>
                <Button
                  mt="xs"
                  variant="light"
                  style={{ alignSelf: 'flex-start' }}
                  aria-expanded={editing}
                  onClick={() => setEditing((x) => !x)}
                >
                  {t('partners.edit')}
                </Button>
                <Collapse expanded={editing}>
                  <PartnerEditForm
                    partner={p}
                    onDone={() => {
                      setEditing(false);
                      refresh(t('partners.saved'));
                    }}
                  />
                </Collapse>
              </>
            )}
            {manage && (
              <Button
                mt="xs"
                variant="light"
                color={p.active ? 'red' : 'green'}
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  void act(
                    () =>
                      unwrap(
                        api.PATCH('/api/partners/{id}', {
                          params: { path: { id: p.id } },
                          body: { active: !p.active },
                        }),
                      ),
                    t('partners.saved'),
                  )
                }
              >
                {p.active ? t('partners.deactivate') : t('partners.activate')}
              </Button>
            )}
          </Stack>
        </Section>
        <Section id="members-title" title={t('partners.members')}>
          {p.members.length === 0 ? (
            <Text size="sm">{t('partners.noMembers')}</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {p.members.map((m) => (
                <Group component="li" key={m.userId} gap="sm" wrap="wrap">
                  <Text size="sm">
                    {m.displayName} ({m.username})
                  </Text>
                  {hasRole(me, 'admin') && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        void act(
                          () =>
                            unwrap(
                              api.DELETE('/api/partners/{id}/members/{userId}', {
                                params: { path: { id: p.id, userId: m.userId } },
                              }),
                            ),
                          t('partners.saved'),
                        )
                      }
                    >
                      {t('partners.unlink')}
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          {hasRole(me, 'admin') && (
            <Group align="flex-end" mt="sm" gap="xs" wrap="wrap">
              <TextInput
                label={t('partners.memberUsername')}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                style={{ flex: '1 1 200px' }}
              />
              <Button
                variant="light"
                onClick={() =>
                  void act(async () => {
                    await unwrap(
                      api.POST('/api/partners/{id}/members', {
                        params: { path: { id: p.id } },
                        body: { username: username.trim() },
                      }),
                    );
                    setUsername('');
                  }, t('partners.saved'))
                }
              >
                {t('partners.link')}
              </Button>
            </Group>
          )}
        </Section>
      </SimpleGrid>

      <Section
        id="agreements-title"
        title={t('partners.agreements')}
        action={
          manage && (
            <Button variant="light" aria-expanded={addAgreement} onClick={() => setAddAgreement((x) => !x)}>
              {t('partners.agreementAdd')}
            </Button>
          )
        }
      >
        {manage && (
          <Collapse expanded={addAgreement}>
            <AgreementForm
              partnerId={p.id}
              onDone={() => {
                setAddAgreement(false);
                refresh(t('partners.saved'));
              }}
            />
          </Collapse>
        )}
        {p.agreements.length === 0 ? (
          <Text size="sm">{t('partners.agreementNone')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} mt="sm">
            {p.agreements.map((a) => (
              <AgreementRow key={a.id} a={a} manage={manage} onChanged={refresh} />
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="contrib-title"
        title={t('partners.contributions')}
        action={
          manage && (
            <Button
              variant="light"
              aria-expanded={addContribution}
              onClick={() => setAddContribution((x) => !x)}
            >
              {t('partners.contributionAdd')}
            </Button>
          )
        }
      >
        {manage && (
          <Collapse expanded={addContribution}>
            <ContributionForm
              partner={p}
              onDone={() => {
                setAddContribution(false);
                refresh(t('partners.saved'));
              }}
            />
          </Collapse>
        )}
        <Text fw={700} mt="sm">
          {t('partners.totalValue')}: {rupiah(p.totals.total)}
        </Text>
        {p.totals.byYear.length > 0 && <YearBars years={p.totals.byYear} />}
        {p.contributions.length === 0 ? (
          <Text size="sm">{t('partners.contributionNone')}</Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} mt="sm">
            {p.contributions.map((c) => (
              <Group
                component="li"
                key={c.id}
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                justify="space-between"
              >
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <strong>{rupiah(c.valueRupiah)}</strong> · {t(`partners.contributionKinds.${c.kind}`)} ·{' '}
                  {formatDate(c.contributedOn)} — {c.description}
                  {c.programTitle ? ` (${c.programTitle})` : ''}
                </Text>
                {manage && (
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    style={{ flexShrink: 0 }}
                    aria-label={t('contribDelete.actionFor', { what: contributionName(c) })}
                    onClick={() => setDeleting(c)}
                  >
                    {t('contribDelete.action')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      {deleting && (
        <DeleteContributionModal
          c={deleting}
          what={contributionName(deleting)}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            refresh(t('contribDelete.done'));
          }}
        />
      )}
    </Page>
  );
}
