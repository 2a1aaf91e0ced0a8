import { LevelTag } from '../../../components/LevelTag.tsx';
import { useResource } from '../catalog/meta.tsx';

/**
 * The published security level (and sub-level) of a resource, for pages whose API answer names the
 * resource but not its level (sharing and opening lists and drawers). It reads the catalog entry
 * through the query cache that the catalog pages and the grant and request drawers share, so one
 * resource is fetched once however many places show its level.
 */
export function ResourceLevelTag({ resourceId }: { resourceId: string | undefined }) {
  const published = useResource(resourceId).data?.published;
  return <LevelTag level={published?.securityLevel} subLevel={published?.securitySubLevel} />;
}

/**
 * The level of one information item of a resource: its own classification level, else the
 * resource's (as masking's defaults use it, see docs/security-masking.md "Defaults").
 */
export function ItemLevelTag({
  resourceId,
  fieldName,
}: {
  resourceId: string | undefined;
  fieldName: string;
}) {
  const published = useResource(resourceId).data?.published;
  const item = published?.items.find((i) => i.fieldName === fieldName);
  return <LevelTag level={item?.securityLevel ?? published?.securityLevel} />;
}
