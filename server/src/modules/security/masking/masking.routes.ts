import type { AppInstance } from '../../../platform/http/types.ts';
import {
  ItemParams,
  KAnonymityBody,
  KAnonymityResult,
  MaskingView,
  Preview,
  PreviewBody,
  ResourceParams,
  SetRuleBody,
} from './masking.schemas.ts';
import {
  checkKAnonymity,
  clearMaskingRule,
  describeMasking,
  previewMasking,
  setMaskingRule,
} from './masking.service.ts';

const tags = ['security'];

/**
 * Masking (脱敏, REQUIREMENTS §6): the rules of a resource's items, set by the providing department
 * (else the profile's default), a masked sample, and the k-anonymity check of a masked extract.
 */
export async function maskingRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/security/masking/resources/:resourceId',
    {
      config: { permission: 'security.masking.read' },
      schema: {
        tags,
        summary: "A published resource's items with the masking rule in force (own or the profile's default)",
        params: ResourceParams,
        response: { 200: MaskingView },
      },
    },
    async (request) => describeMasking(db, request.ctx, platform, request.params.resourceId),
  );

  app.put(
    '/security/masking/resources/:resourceId/items/:field',
    {
      config: { permission: 'security.masking.manage' },
      schema: {
        tags,
        summary:
          "Set an item's masking rule (the providing department); a rule that does not fit the type is refused",
        params: ItemParams,
        body: SetRuleBody,
        response: { 200: MaskingView },
      },
    },
    async (request) => {
      const { resourceId, field } = request.params;
      await setMaskingRule(db, request.ctx, resourceId, field, request.body);
      return describeMasking(db, request.ctx, platform, resourceId);
    },
  );

  app.delete(
    '/security/masking/resources/:resourceId/items/:field',
    {
      config: { permission: 'security.masking.manage' },
      schema: {
        tags,
        summary: "Remove an item's rule: the profile's default applies again",
        params: ItemParams,
        response: { 200: MaskingView },
      },
    },
    async (request) => {
      const { resourceId, field } = request.params;
      await clearMaskingRule(db, request.ctx, resourceId, field);
      return describeMasking(db, request.ctx, platform, resourceId);
    },
  );

  app.post(
    '/security/masking/resources/:resourceId/preview',
    {
      config: { permission: 'security.masking.read' },
      schema: {
        tags,
        summary:
          'A masked sample of the first current rows (stored values too, for those who may read the pool)',
        params: ResourceParams,
        body: PreviewBody,
        response: { 200: Preview },
      },
    },
    async (request) =>
      previewMasking(db, request.ctx, platform, request.params.resourceId, request.body ?? {}),
  );

  app.post(
    '/security/masking/resources/:resourceId/k-anonymity',
    {
      config: { permission: 'security.masking.read' },
      schema: {
        tags,
        summary:
          'Whether the masked extract is k-anonymous on the chosen quasi-identifiers, and which rows break it',
        params: ResourceParams,
        body: KAnonymityBody,
        response: { 200: KAnonymityResult },
      },
    },
    async (request) => checkKAnonymity(db, request.ctx, platform, request.params.resourceId, request.body),
  );
}
