import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';

/** Why there is no session: never signed in, signed out on purpose, or the session ended (401). */
export type SignedOutReason = 'none' | 'logout' | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'signed-in'; info: SessionInfo };

interface SessionValue {
  state: SessionState;
  /** The signed-in session, or null. */
  info: SessionInfo | null;
  /** Whether the signed-in user holds a permission (the server decides; this only hides what would be refused). */
  can(permission: string): boolean;
  login(username: string, password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  logoutAll(): Promise<number>;
  /** Reloads /auth/me (after the user changed something about themselves). */
  refresh(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Knows who is signed in: asks /auth/me once, then follows login, logout and 401 answers. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // While the user signs out on purpose, other calls may get 401 first; that is not an expiry.
  const signingOut = useRef(false);

  const signedIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setState({ status: 'signed-in', info });
  }, []);

  const signedOut = useCallback(
    (reason: SignedOutReason) => {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', reason });
    },
    [queryClient],
  );

  useEffect(() => {
    let cancelled = false;
    api
      .get<SessionInfo>('/auth/me', undefined, { allowUnauthorized: true })
      .then((info) => !cancelled && signedIn(info))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401)
          setState({ status: 'anonymous', reason: 'none' });
        else setState({ status: 'error', error });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, signedIn]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!signingOut.current) signedOut('expired');
    });
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const value = useMemo<SessionValue>(() => {
    const info = state.status === 'signed-in' ? state.info : null;
    return {
      state,
      info,
      can: (permission) => info?.permissions.includes(permission) ?? false,
      login: async (username, password) => {
        const next = await api.post<SessionInfo>(
          '/auth/login',
          { username, password },
          { allowUnauthorized: true },
        );
        queryClient.clear();
        signedIn(next);
        return next;
      },
      logout: async () => {
        signingOut.current = true;
        try {
          await api.post('/auth/logout', undefined, { allowUnauthorized: true });
        } finally {
          signedOut('logout');
          signingOut.current = false;
        }
      },
      logoutAll: async () => {
        signingOut.current = true;
        try {
          const { endedSessions } = await api.post<{ endedSessions: number }>('/auth/logout-all', undefined, {
            allowUnauthorized: true,
          });
          signedOut('logout');
          return endedSessions;
        } finally {
          signingOut.current = false;
        }
      },
      refresh: async () => {
        signedIn(await api.get<SessionInfo>('/auth/me'));
      },
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
    };
  }, [state, queryClient, signedIn, signedOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and what to do with it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
