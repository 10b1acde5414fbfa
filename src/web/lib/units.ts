import type { OrgUnit } from '../api/client';

export interface UnitNode extends OrgUnit {
  children: UnitNode[];
  depth: number;
  /** Employees in this unit and every unit below it. */
  totalCount: number;
}

/** Builds the unit tree from the flat list, with subtree employee counts; siblings sorted by name. */
export function buildTree(units: readonly OrgUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { ...u, children: [], depth: 0, totalCount: u.employeeCount });
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const visit = (n: UnitNode, depth: number): number => {
    n.depth = depth;
    n.children.sort((a, b) => a.name.localeCompare(b.name, 'id'));
    n.totalCount = n.employeeCount + n.children.reduce((s, c) => s + visit(c, depth + 1), 0);
    return n.totalCount;
  };
  roots.sort((a, b) => a.name.localeCompare(b.name, 'id'));
  for (const r of roots) visit(r, 0);
  return roots;
}

/** The OPDs: the children of a single government root (pemda), or the roots themselves. */
export function opdsOf(tree: UnitNode[]): UnitNode[] {
  if (tree.length === 1 && tree[0]!.kind === 'pemda') return tree[0]!.children;
  return tree;
}

export function flatten(tree: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (n: UnitNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  tree.forEach(walk);
  return out;
}

export function findNode(tree: UnitNode[], id: string): UnitNode | undefined {
  return flatten(tree).find((n) => n.id === id);
}
