import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgUnitsQuery } from '../api/queries';
import { buildTree, flatten } from '../lib/units';

/** A searchable unit picker; options show the path depth with a dash so sub-units read as such. */
export function UnitSelect(props: Omit<SelectProps, 'data'> & { restrictTo?: readonly string[] }) {
  const { restrictTo, ...rest } = props;
  const units = useQuery(orgUnitsQuery);
  const data = useMemo(() => {
    if (!units.data) return [];
    let nodes = flatten(buildTree(units.data));
    if (restrictTo?.length) {
      // Only the given units and their subtrees (an operator's OPD).
      const keep = new Set<string>();
      const byParent = new Map<string, string[]>();
      for (const u of units.data)
        if (u.parentId) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u.id]);
      const add = (id: string) => {
        keep.add(id);
        (byParent.get(id) ?? []).forEach(add);
      };
      restrictTo.forEach(add);
      nodes = nodes.filter((n) => keep.has(n.id));
    }
    return nodes.map((n) => ({ value: n.id, label: `${'– '.repeat(Math.min(n.depth, 4))}${n.name}` }));
  }, [units.data, restrictTo]);
  return <Select searchable clearable data={data} nothingFoundMessage="—" limit={200} {...rest} />;
}
