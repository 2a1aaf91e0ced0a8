import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useMemo } from 'react';
import {
  classTree,
  termName,
  type AccessType,
  type CatalogProfile,
  type ClassKind,
  type ClassRef,
  type Resource,
  type Vocabulary,
} from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';

// Value lists, the profile and the classification change rarely: fetch once per session.
const STABLE = { staleTime: 10 * 60_000 };

/** GET /catalog/vocabulary. */
export function useVocabulary() {
  return useQuery({
    queryKey: ['catalog', 'vocabulary'],
    queryFn: ({ signal }) => api.get<Vocabulary>('/catalog/vocabulary', undefined, { signal }),
    ...STABLE,
  });
}

/** GET /profile (the parts the catalog needs). */
export function useCatalogProfile() {
  return useQuery({
    queryKey: ['profile'],
    queryFn: ({ signal }) => api.get<CatalogProfile>('/profile', undefined, { signal }),
    ...STABLE,
  });
}

/** GET /catalog/classes, with the tree for cascaders. */
export function useClasses() {
  const query = useQuery({
    queryKey: ['catalog', 'classes'],
    queryFn: ({ signal }) => api.get<ClassRef[]>('/catalog/classes', undefined, { signal }),
    ...STABLE,
  });
  const tree = useMemo(() => classTree(query.data ?? []), [query.data]);
  return { ...query, tree };
}

/** GET /catalog/resources/:id (the draft too, for the resource's own department). */
export function useResource(id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'resource', id],
    queryFn: ({ signal }) => api.get<Resource>(`/catalog/resources/${id}`, undefined, { signal }),
    enabled: id !== undefined,
  });
}

/**
 * Reloads everything the catalog shows after a change: its own queries (`catalog`, …) and the lists
 * of `useList`, whose keys are the API path (`catalog/resources`, `catalog/versions`, …).
 */
export function invalidateCatalog(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    predicate: (query) => String(query.queryKey[0]).startsWith('catalog'),
  });
}

export type VocabularyList = Exclude<keyof Vocabulary, 'resourceCode'>;

/** Names of the catalog's codes in the reader's language. */
export function useCatalogLabels() {
  const { lang, t } = useI18n();
  const vocabulary = useVocabulary().data;
  const profile = useCatalogProfile().data;
  return useMemo(
    () => ({
      /** Whether the names have loaded (before that, codes would show). */
      ready: vocabulary !== undefined && profile !== undefined,
      /** A vocabulary code's name, e.g. updateCycles/daily → 每日. */
      term: (list: VocabularyList, code: string) => termName(vocabulary?.[list], code, lang),
      /** The profile's name of a share or open type, e.g. 有条件共享. */
      access: (kind: 'share' | 'open', type: string) =>
        profile?.categories[kind][type as AccessType]?.[lang] ?? type,
      /** A security level's name. */
      securityLevel: (code: string) =>
        profile?.catalog.securityLevels.find((level) => level.code === code)?.name[lang] ??
        termName(vocabulary?.securityLevels, code, lang),
      /** 基础 / 主题 / 部门. */
      classKind: (kind: string) => {
        const key = `catalog.classKind.${kind}`;
        return isMessageKey(key) ? t(key) : kind;
      },
    }),
    [vocabulary, profile, lang, t],
  );
}

/** The labels helper. */
export type CatalogLabels = ReturnType<typeof useCatalogLabels>;

const ACCESS_COLORS: Record<string, string> = {
  unconditional: 'green',
  conditional: 'gold',
  none: 'default',
};
const KIND_COLORS: Record<ClassKind, string> = { base: 'geekblue', theme: 'cyan', department: 'purple' };

/** A share or open type as a coloured tag. */
export function AccessTag({ kind, type }: { kind: 'share' | 'open'; type: string }) {
  const labels = useCatalogLabels();
  return (
    <Tag color={ACCESS_COLORS[type]} style={{ marginInlineEnd: 0 }}>
      {labels.access(kind, type)}
    </Tag>
  );
}

/** 基础 / 主题 / 部门 as a tag. */
export function ClassKindTag({ kind }: { kind: string }) {
  const labels = useCatalogLabels();
  return (
    <Tag color={KIND_COLORS[kind as ClassKind]} style={{ marginInlineEnd: 0 }}>
      {labels.classKind(kind)}
    </Tag>
  );
}

const STATE_COLORS: Record<string, string> = {
  draft: 'blue',
  submitted: 'processing',
  returned: 'error',
  approved: 'cyan',
  published: 'success',
  superseded: 'default',
  discarded: 'default',
  withdrawn: 'default',
};

/** Where a resource stands: 草稿 / 审核中 / 已退回 / 已通过 / 已发布 / 已撤销. */
export function StateTag({ status, revisionState }: { status?: string; revisionState: string }) {
  const { t } = useI18n();
  const state = status === 'withdrawn' ? 'withdrawn' : revisionState;
  const key = `catalog.state.${state}`;
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid="resource-state">
      {isMessageKey(key) ? t(key) : state}
    </Tag>
  );
}
