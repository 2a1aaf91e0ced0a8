import type { AppInstance } from '../../platform/http/types.ts';
import { departmentRoutes } from './departments.routes.ts';
import './org.messages.ts';
import { regionRoutes } from './regions.routes.ts';
import { userRoutes } from './users.routes.ts';

/** The org module: regions, departments and users. */
export async function orgRoutes(app: AppInstance) {
  await app.register(regionRoutes);
  await app.register(departmentRoutes);
  await app.register(userRoutes);
}
