import type { AppInstance } from '../http/types.ts';
import { Profile } from './profile.schema.ts';

/** `GET /profile`: the active regulation profile, public (the UI shows deadlines and category names). */
export async function profileRoutes(app: AppInstance) {
  const { profile } = app.platform;
  app.get(
    '/profile',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['profile'],
        summary: 'The active regulation profile: deadlines, extension limits, category names, review steps',
        response: { 200: Profile },
      },
    },
    async () => profile,
  );
}
