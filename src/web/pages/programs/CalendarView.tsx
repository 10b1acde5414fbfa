import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import { Loading, LoadError } from '../../components/States';
import { currentLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { thisMonth, type ProgramSearch } from './search';

type Filters = Pick<ProgramSearch, 'q' | 'path' | 'form' | 'scope' | 'status' | 'partnerId'>;

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/** Sessions of one month: a month grid on wide screens, a list by day on phones. */
export function CalendarView({
  search,
  filters,
  onMonth,
}: {
  search: ProgramSearch;
  filters: Filters;
  onMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  const month = search.month ?? thisMonth();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const cal = useQuery({
    queryKey: ['programs', 'calendar', month, filters],
    queryFn: () => unwrap(api.GET('/api/programs/calendar', { params: { query: { month, ...filters } } })),
    placeholderData: keepPreviousData,
  });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthName = new Date(Date.UTC(y, m - 1, 1)).toLocaleString(
    currentLang() === 'en' ? 'en-GB' : 'id-ID',
    {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    },
  );
  const byDate = new Map<string, NonNullable<typeof cal.data>['items']>();
  for (const s of cal.data?.items ?? []) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const dateOf = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  const entry = (s: NonNullable<typeof cal.data>['items'][number]) => (
    <LinkAnchor
      key={s.sessionId}
      to="/program/$programId"
      params={{ programId: s.programId }}
      size="xs"
      display="block"
      style={{ lineHeight: 1.3, overflowWrap: 'anywhere' }}
    >
      {s.startsLocal.slice(11, 16)} {s.title}
    </LinkAnchor>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Button variant="default" onClick={() => onMonth(shift(month, -1))}>
          {t('programs.prevMonth')}
        </Button>
        <Title order={2} fz="lg" style={{ textTransform: 'capitalize' }}>
          {monthName}
        </Title>
        <Button variant="default" onClick={() => onMonth(shift(month, 1))}>
          {t('programs.nextMonth')}
        </Button>
      </Group>
      {cal.isPending && <Loading />}
      {cal.error && <LoadError error={cal.error} onRetry={() => void cal.refetch()} />}
      {cal.data && cal.data.items.length === 0 && <Text>{t('programs.calendarEmpty')}</Text>}
      {cal.data && wide && (
        <Box
          role="table"
          aria-label={t('programs.calendarLabel', { month: monthName })}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}
        >
          <div role="row" style={{ display: 'contents' }}>
            {t('programs.weekdays')
              .split(',')
              .map((d) => (
                <Text key={d} role="columnheader" fw={700} size="sm" ta="center">
                  {d}
                </Text>
              ))}
          </div>
          {Array.from({ length: Math.ceil((firstWeekday + daysInMonth) / 7) }, (_, week) => (
            <div role="row" key={week} style={{ display: 'contents' }}>
              {Array.from({ length: 7 }, (_, wd) => {
                const d = week * 7 + wd - firstWeekday + 1;
                if (d < 1 || d > daysInMonth) return <div role="cell" key={wd} />;
                const items = byDate.get(dateOf(d)) ?? [];
                return (
                  <Paper role="cell" key={wd} withBorder p={4} mih={84} radius="sm">
                    <Text size="xs" fw={700} c="dimmed">
                      {d}
                    </Text>
                    {items.slice(0, 4).map(entry)}
                    {items.length > 4 && (
                      <Text size="xs" c="dimmed">
                        +{items.length - 4}
                      </Text>
                    )}
                  </Paper>
                );
              })}
            </div>
          ))}
        </Box>
      )}
      {cal.data && !wide && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...byDate.entries()].map(([date, items]) => (
            <li key={date}>
              <Paper withBorder p="sm" radius="md">
                <Text fw={700} size="sm">
                  {t('programs.sessionsOn', { date: formatDate(date) })}
                </Text>
                <Stack gap={4} mt={4}>
                  {items.map((s) => (
                    <LinkAnchor
                      key={s.sessionId}
                      to="/program/$programId"
                      params={{ programId: s.programId }}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {s.startsLocal.slice(11, 16)}–{s.endsLocal.slice(11, 16)} {s.title}
                    </LinkAnchor>
                  ))}
                </Stack>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
