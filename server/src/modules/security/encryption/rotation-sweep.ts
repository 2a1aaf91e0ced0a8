// The background re-encryption after a key rotation: a periodic step re-seals a small batch of each
// rotating column (see encryption.service rotationStep), so loads and reads never wait long.
import type { Kysely } from 'kysely';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { rotationStep } from './encryption.service.ts';

/** Logging the sweep needs. */
export interface RotationLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Starts the sweep (once, from `main.ts`): a step every `intervalMs`, at once again while a step
 * found work, never two at a time. Returns a stop that waits for the step in progress.
 */
export function startRotationSweep(
  db: Kysely<DB>,
  keyring: Keyring,
  options: { intervalMs?: number; log?: RotationLog } = {},
): () => Promise<void> {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current) return;
    current = rotationStep(db, keyring)
      .then((step) => {
        if (step.finished.length > 0)
          options.log?.info({ finished: step.finished }, 'key rotation finished columns');
        if (step.resealed > 0) setImmediate(tick);
      })
      .catch((error: unknown) => options.log?.error({ err: error }, 'key rotation step failed'))
      .finally(() => (current = null));
  };
  const timer = setInterval(tick, options.intervalMs ?? 10_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
