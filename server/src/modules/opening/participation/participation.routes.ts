import type { AppInstance } from '../../../platform/http/types.ts';
import { feedbackRoutes } from './feedback.routes.ts';
import { requestRoutes } from './requests.routes.ts';
import { showcaseRoutes } from './showcase.routes.ts';

/**
 * Public participation on the open-data portal (REQUIREMENTS §5): ratings and comments, the
 * showcase of products built on open data, and corrections, error reports and opinions answered in
 * the portal. One registration for all of them (docs/opening-participation.md).
 */
export async function openParticipationRoutes(app: AppInstance) {
  await app.register(feedbackRoutes);
  await app.register(showcaseRoutes);
  await app.register(requestRoutes);
}
