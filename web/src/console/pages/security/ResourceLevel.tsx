import { LevelTag } from '../../../components/LevelTag.tsx';
import { useResource } from '../catalog/meta.tsx';

/**
 * The published security level (and sub-level) of a resource, for pages whose API answer names the
 * resource but not its level (the masking page; the sharing and opening lists and drawers carry
 * `securityLevel` in their answers). It reads the catalog entry through the query cache that the
 * catalog pages share, so one resource is fetched once however many places show its level.
 */
export function ResourceLevelTag({ resourceId }: { resourceId: string | undefined }) {
  const published = useResource(resourceId).data?.published;
  return <LevelTag level={published?.securityLevel} subLevel={published?.securitySubLevel} />;
}
