import {
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Empty, Loading, LoadError } from '../../components/States';
import { hasRole } from '../../lib/access';
import { formatNumber } from '../../lib/format';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { rupiah } from '../programs/labels';
import { PARTNER_KINDS, type PartnerSearch } from '../programs/search';

const PAGE_SIZE = 24;
type Kind = (typeof PARTNER_KINDS)[number];

function NewPartner({ onDone }: { onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind | null>(null);
  const [contactEmail, setEmail] = useState('');
  const [saving, setSaving] = useState(false);
  const { errors, title, showApiError, setErrors, setTitle } = useFormErrors();
  const labels = {
    name: t('partners.name'),
    kind: t('partners.kind'),
    contactEmail: t('partners.contactEmail'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setTitle(null);
    setSaving(true);
    try {
      const p = await unwrap(
        api.POST('/api/partners', {
          body: { name: name.trim(), kind: (kind ?? '') as Kind, contactEmail: contactEmail.trim() || null },
        }),
      );
      onDone(p.id);
    } catch (err) {
      showApiError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, ['name', 'kind', 'contactEmail'], 'np', labels)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            id="np-name"
            label={labels.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Select
            id="np-kind"
            label={labels.kind}
            required
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as Kind | null)}
            error={errors.kind}
          />
          <TextInput
            id="np-contactEmail"
            type="email"
            label={labels.contactEmail}
            value={contactEmail}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.contactEmail}
          />
        </SimpleGrid>
        <Button type="submit" loading={saving} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function PartnersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const search = useSearch({ from: '/app/mitra' });
  const navigate = useNavigate({ from: '/mitra' });
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState(search.q ?? '');
  const page = search.page ?? 1;
  const update = (patch: Partial<PartnerSearch>) =>
    void navigate({
      search: (prev) => ({ ...prev, ...patch, page: patch.page }),
      replace: !('page' in patch),
    });
  const pushQ = useDebouncedCallback((q: string) => update({ q: q || undefined }), 350);
  const list = useQuery({
    queryKey: ['partners', 'list', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/partners', {
          params: { query: { q: search.q, kind: search.kind, page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  // Admins: opening the page also runs the (idempotent) agreement reminder check.
  useQuery({
    queryKey: ['agreements', 'remind'],
    queryFn: () => unwrap(api.POST('/api/agreements/remind')),
    enabled: hasRole(me, 'admin'),
    staleTime: 10 * 60_000,
  });
  const manages = hasRole(me, 'admin', 'operator');

  return (
    <Page
      title={t('partners.title')}
      actions={
        manages && (
          <Button
            variant={adding ? 'light' : 'filled'}
            onClick={() => setAdding((a) => !a)}
            aria-expanded={adding}
          >
            {t('partners.add')}
          </Button>
        )
      }
    >
      {manages && (
        <Collapse expanded={adding}>
          <Card withBorder radius="md">
            <NewPartner
              onDone={(id) => {
                void qc.invalidateQueries({ queryKey: ['partners'] });
                void navigate({ to: '/mitra/$partnerId', params: { partnerId: id } });
              }}
            />
          </Card>
        </Collapse>
      )}
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="sm"
        component="section"
        aria-label={t('partners.search')}
      >
        <TextInput
          label={t('partners.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            pushQ(e.currentTarget.value.trim());
          }}
        />
        <Select
          label={t('partners.kind')}
          placeholder={t('common.all')}
          clearable
          data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v ?? undefined) as PartnerSearch['kind'] })}
        />
      </SimpleGrid>
      <Text fw={600} aria-live="polite">
        {list.data ? t('partners.total', { n: formatNumber(list.data.total) }) : ' '}
      </Text>
      {list.isPending && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && <Empty>{t('partners.empty')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {list.data.items.map((p) => (
              <Card key={p.id} withBorder radius="md" component="article">
                <Stack gap={6}>
                  <LinkAnchor to="/mitra/$partnerId" params={{ partnerId: p.id }} fw={700} fz="lg">
                    {p.name}
                  </LinkAnchor>
                  <Group gap={6}>
                    <Badge color="asah.9" variant="outline">
                      {t(`partners.kinds.${p.kind}`)}
                    </Badge>
                    {!p.active && <Badge color="gray.8">{t('partners.inactive')}</Badge>}
                    {p.expiringAgreements > 0 && (
                      <Badge color="red.9">{t('partners.expiring', { n: p.expiringAgreements })}</Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {t('partners.agreements')}: {t('partners.activeAgreements', { n: p.activeAgreements })}
                  </Text>
                  <Text size="sm">
                    {t('partners.programs')}: {formatNumber(p.programs)} · {t('partners.contributions')}:{' '}
                    {rupiah(p.contributionTotal)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => update({ page: p > 1 ? p : undefined })}
          />
        </Stack>
      )}
    </Page>
  );
}
