import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DivisionDto, ItemsOf } from '../../api/types';

/** All of Shanghai's divisions (~250 rows): fetched once and shared by filters, tags and the tree. */
export function useDivisions() {
  const query = useQuery({
    queryKey: ['divisions'],
    queryFn: ({ signal }) => api.get<ItemsOf<DivisionDto>>('/api/v1/divisions', {}, signal),
    staleTime: Infinity,
    select: (page) => page.items,
  });
  const index = useMemo(() => buildIndex(query.data ?? []), [query.data]);
  return { ...query, ...index };
}

export interface DivisionNode extends DivisionDto {
  children?: DivisionNode[];
}

function buildIndex(items: DivisionDto[]) {
  const byCode = new Map(items.map((d) => [d.code, d]));
  const childrenOf = new Map<string, DivisionDto[]>();
  for (const d of items) {
    if (!d.parentCode) continue;
    const list = childrenOf.get(d.parentCode) ?? [];
    list.push(d);
    childrenOf.set(d.parentCode, list);
  }
  const districts = items.filter((d) => d.level === 'district');
  const toNode = (d: DivisionDto): DivisionNode => {
    const kids = childrenOf.get(d.code);
    return kids?.length ? { ...d, children: kids.map(toNode) } : { ...d };
  };
  const tree = items.filter((d) => !d.parentCode || !byCode.has(d.parentCode)).map(toNode);
  return {
    districts,
    tree,
    streetsOf: (district: string | undefined) => (district ? (childrenOf.get(district) ?? []) : []),
    nameOf: (code: string | null | undefined) => (code ? (byCode.get(code)?.name ?? code) : ''),
    childCount: (code: string) => childrenOf.get(code)?.length ?? 0,
  };
}
