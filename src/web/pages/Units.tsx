import { ActionIcon, Anchor, Box, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgUnitsQuery } from '../api/queries';
import { LinkAnchor } from '../components/links';
import { Page } from '../components/Page';
import { Empty, Loading, LoadError } from '../components/States';
import { formatNumber } from '../lib/format';
import { buildTree, flatten, type UnitNode } from '../lib/units';

/** Keeps the nodes that match (and every ancestor on the way to them). */
function filterTree(nodes: UnitNode[], q: string): UnitNode[] {
  const needle = q.toLowerCase();
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const kids = filterTree(n.children, q);
    if (kids.length || n.name.toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle)) {
      out.push({
        ...n,
        children: kids.length
          ? kids
          : n.name.toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle)
            ? n.children
            : [],
      });
    }
  }
  return out;
}

function Node({
  node,
  open,
  toggle,
  forceOpen,
}: {
  node: UnitNode;
  open: Set<string>;
  toggle: (id: string) => void;
  forceOpen: boolean;
}) {
  const { t } = useTranslation();
  const expanded = forceOpen || open.has(node.id);
  const hasKids = node.children.length > 0;
  return (
    <li>
      <Group gap={6} wrap="nowrap" align="flex-start" py={4}>
        {hasKids ? (
          <ActionIcon
            variant="subtle"
            size={40}
            onClick={() => toggle(node.id)}
            aria-expanded={expanded}
            aria-label={t(expanded ? 'units.collapse' : 'units.expand', { name: node.name })}
          >
            <span aria-hidden style={{ fontSize: 18 }}>
              {expanded ? '▾' : '▸'}
            </span>
          </ActionIcon>
        ) : (
          <Box w={40} style={{ flexShrink: 0 }} />
        )}
        <Box style={{ minWidth: 0 }} pt={6}>
          <LinkAnchor
            to="/pegawai"
            search={{ unitId: node.id }}
            fw={600}
            aria-label={t('units.showEmployees', { name: node.name })}
          >
            {node.name}
          </LinkAnchor>
          <Text size="sm" c="dimmed">
            {node.code} ·{' '}
            {t('units.count', {
              own: formatNumber(node.employeeCount),
              total: formatNumber(node.totalCount),
            })}
          </Text>
        </Box>
      </Group>
      {hasKids && expanded && (
        <ul style={{ listStyle: 'none', margin: 0, paddingLeft: 20 }}>
          {node.children.map((c) => (
            <Node key={c.id} node={c} open={open} toggle={toggle} forceOpen={forceOpen} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The unit tree: expand/collapse, counts including sub-units, search by name or code (kept in the URL). */
export function UnitsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/unit' });
  const navigate = useNavigate({ from: '/unit' });
  const units = useQuery(orgUnitsQuery);
  const [text, setText] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback(
    (q: string) => void navigate({ search: { q: q || undefined }, replace: true }),
    300,
  );
  const tree = useMemo(() => (units.data ? buildTree(units.data) : []), [units.data]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const q = search.q ?? '';
  const shown = useMemo(() => (q ? filterTree(tree, q) : tree), [tree, q]);
  // The top levels start open so the OPDs are visible at once.
  const openSet = useMemo(() => (open.size ? open : new Set(tree.map((r) => r.id))), [open, tree]);
  const toggle = (id: string) =>
    setOpen(() => {
      const next = new Set(openSet);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Page title={t('units.title')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('units.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            pushQ(e.currentTarget.value.trim());
          }}
          style={{ flex: '1 1 240px' }}
        />
        <Button variant="light" onClick={() => setOpen(new Set(flatten(tree).map((n) => n.id)))}>
          {t('units.expandAll')}
        </Button>
        <Button variant="subtle" onClick={() => setOpen(new Set(['__none__']))}>
          {t('units.collapseAll')}
        </Button>
        <Anchor href="/api/org-units/export.xlsx" download fw={600} py={8} ml="auto">
          {t('units.export')}
        </Anchor>
      </Group>
      {units.isPending && <Loading />}
      {units.error && <LoadError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && shown.length === 0 && <Empty>{q ? t('units.empty', { q }) : t('units.noUnits')}</Empty>}
      {shown.length > 0 && (
        <Paper withBorder p="sm" radius="md">
          <nav aria-label={t('units.tree')}>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {shown.map((n) => (
                <Node key={n.id} node={n} open={openSet} toggle={toggle} forceOpen={!!q} />
              ))}
            </ul>
          </nav>
        </Paper>
      )}
    </Page>
  );
}
