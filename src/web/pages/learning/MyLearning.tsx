import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Paper,
  Progress,
  RingProgress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Empty, Loading, LoadError } from '../../components/States';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';

import { thisYear } from './search';

/** The pegawai's own page: JP this year against the target, past years, upcoming sessions, certificates. */
export function MyLearningPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/belajar' });
  const navigate = useNavigate({ from: '/belajar' });
  const year = search.year ?? thisYear();
  const linked = Boolean(me.nip);
  const q = useQuery({
    queryKey: ['my-learning', year],
    enabled: linked,
    queryFn: () => unwrap(api.GET('/api/my/learning', { params: { query: { year } } })),
  });
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  const data = q.data;
  const s = data?.summary;
  const pct = s ? Math.min(100, (100 * s.totalJp) / s.targetJp) : 0;
  return (
    <Page title={t('learning.mine.title')}>
      {!linked && <Empty>{t('learning.mine.noEmployee')}</Empty>}
      {linked && (
        <>
          <Text>{t('learning.mine.intro', { target: formatNumber(s?.targetJp ?? null) })}</Text>
          <NativeSelect
            label={t('learning.mine.year')}
            value={String(year)}
            onChange={(e) => void navigate({ search: { year: Number(e.currentTarget.value) } })}
            data={years.map((y) => String(y))}
            maw={160}
          />
        </>
      )}
      {linked && q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {data && s && (
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md">
            <Group gap="lg" wrap="wrap">
              <RingProgress
                size={140}
                thickness={14}
                roundCaps
                sections={[{ value: pct, color: s.compliant ? 'teal' : 'blue' }]}
                label={
                  <Text ta="center" fw={700} size="lg">
                    {formatNumber(s.totalJp)}
                    <Text component="span" display="block" size="xs" c="dimmed">
                      {t('learning.forms.of')} {formatNumber(s.targetJp)} {t('learning.forms.jp')}
                    </Text>
                  </Text>
                }
                aria-label={t('learning.mine.progress', {
                  total: formatNumber(s.totalJp),
                  target: formatNumber(s.targetJp),
                })}
              />
              <Stack gap={4} style={{ flex: '1 1 200px' }}>
                <Text fw={700} size="lg">
                  {t('learning.mine.progress', {
                    total: formatNumber(s.totalJp),
                    target: formatNumber(s.targetJp),
                  })}
                </Text>
                <Text>
                  {s.compliant
                    ? t('learning.mine.reached', { year: s.year })
                    : t('learning.mine.remaining', { remaining: formatNumber(s.remainingJp), year: s.year })}
                </Text>
              </Stack>
            </Group>
          </Paper>

          <section aria-labelledby="my-upcoming">
            <Title order={2} size="h3" id="my-upcoming" mb="xs">
              {t('learning.mine.upcoming')}
            </Title>
            {data.upcoming.length === 0 ? (
              <Text>{t('learning.mine.noUpcoming')}</Text>
            ) : (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {data.upcoming.map((u) => (
                  <Paper component="li" key={u.sessionId} withBorder p="sm" radius="md">
                    <Text fw={600}>{u.programTitle}</Text>
                    <Text size="sm">
                      {formatDateTime(u.startsAt)}
                      {u.title ? ` · ${u.title}` : ''}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {u.venue ?? (u.onlineUrl ? t('learning.mine.online') : '')}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="my-records">
            <Title order={2} size="h3" id="my-records" mb="xs">
              {t('learning.mine.records')}
            </Title>
            {s.records.length === 0 ? (
              <Text>{t('learning.mine.noRecords')}</Text>
            ) : (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {s.records.map((r) => (
                  <Paper component="li" key={r.id} withBorder p="sm" radius="md">
                    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text fw={600}>{r.title}</Text>
                        <Text size="sm" c="dimmed">
                          {formatDate(r.startsOn)}
                          {r.endsOn !== r.startsOn ? ` – ${formatDate(r.endsOn)}` : ''} ·{' '}
                          {t(`learning.mine.source.${r.source}`)}
                          {r.scope === 'internasional' ? ` · ${t('learning.mine.scope.internasional')}` : ''}
                        </Text>
                        {r.jpBasis && <Text size="xs">{r.jpBasis}</Text>}
                      </Stack>
                      <Badge size="lg" variant="light" style={{ flexShrink: 0 }}>
                        {formatNumber(r.jp)} {t('learning.forms.jp')}
                      </Badge>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="my-history">
            <Title order={2} size="h3" id="my-history" mb="xs">
              {t('learning.mine.history')}
            </Title>
            <Stack gap={6} role="list" aria-label={t('learning.mine.historyChart')}>
              {data.history.map((h) => (
                <Group key={h.year} gap="sm" wrap="nowrap" role="listitem">
                  <Text w={44}>{h.year}</Text>
                  <Progress
                    value={Math.min(100, (100 * h.totalJp) / s.targetJp)}
                    color={h.totalJp >= s.targetJp ? 'teal' : 'blue'}
                    size="lg"
                    style={{ flex: 1 }}
                    aria-label={`${h.year}: ${formatNumber(h.totalJp)} ${t('learning.forms.jp')}`}
                  />
                  <Text w={64} ta="right">
                    {formatNumber(h.totalJp)} {t('learning.forms.jp')}
                  </Text>
                </Group>
              ))}
            </Stack>
          </section>

          <section aria-labelledby="my-certs">
            <Group justify="space-between" align="center" mb="xs" gap="xs">
              <Title order={2} size="h3" id="my-certs">
                {t('learning.mine.certificates')}
              </Title>
              <LinkAnchor to="/belajar/sertifikat-luar" fw={600} py={8}>
                {t('certificates.external.nav')}
              </LinkAnchor>
            </Group>
            {data.certificates.length === 0 ? (
              <Text>{t('learning.mine.noCertificates')}</Text>
            ) : (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {data.certificates.map((c) => (
                  <Paper component="li" key={c.id} withBorder p="sm" radius="md">
                    <Text fw={600}>{c.title}</Text>
                    <Text size="sm" c="dimmed">
                      {c.number ? `${c.number} · ` : ''}
                      {formatDate(c.issuedOn)} · {t(`learning.mine.certStatus.${c.status}`)}
                      {c.jp != null ? ` · ${formatNumber(c.jp)} ${t('learning.forms.jp')}` : ''}
                    </Text>
                    {c.verificationCode && (
                      <Anchor
                        href={`/verifikasi/${c.verificationCode}`}
                        size="sm"
                        py={6}
                        display="inline-block"
                      >
                        {t('learning.mine.verifyLink')}
                      </Anchor>
                    )}
                    {c.kind === 'asah' && (
                      <Anchor
                        href={`/api/certificates/${c.id}.pdf`}
                        size="sm"
                        py={6}
                        ml="md"
                        display="inline-block"
                        aria-label={t('certificates.pdfLabel', { number: c.number ?? '' })}
                        data-testid="certificate-pdf"
                      >
                        {t('certificates.pdfLink')}
                      </Anchor>
                    )}
                  </Paper>
                ))}
              </Stack>
            )}
          </section>
          <LinkAnchor to="/" size="sm">
            {t('nav.home')}
          </LinkAnchor>
        </Stack>
      )}
    </Page>
  );
}
