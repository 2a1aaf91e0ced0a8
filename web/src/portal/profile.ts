// GET /profile for the portal's pages: one cached answer, each page typing the part it reads.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** The deployment's profile (deadlines, procedures, numbers), fetched once and kept ten minutes. */
export function usePortalProfile<T>() {
  return useQuery({
    queryKey: ['profile'],
    queryFn: ({ signal }) => api.get<T>('/profile', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
}
