/** The languages the platform speaks; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** A message in both languages; `{name}` placeholders are filled from the error's params. */
export interface Message {
  'zh-CN': string;
  en: string;
}

const catalog = new Map<string, Message>();

/**
 * Registers a module's messages. Each module keeps its own `*.messages.ts` and calls this once;
 * a duplicate key is a programming error and fails at start-up.
 */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, K> {
  const keys = {} as Record<K, K>;
  for (const key of Object.keys(messages) as K[]) {
    if (catalog.has(key) && catalog.get(key) !== messages[key])
      throw new Error(`duplicate message key ${key}`);
    catalog.set(key, messages[key]);
    keys[key] = key;
  }
  return keys;
}

/** Renders a message key in a locale, filling `{param}` placeholders. Unknown keys render as the key. */
export function translate(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const message = catalog.get(key);
  const template = message ? message[locale] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    // A parameter may itself be a message key (e.g. the name of a kind of thing).
    return typeof value === 'string' && catalog.has(value) ? translate(value, locale) : String(value);
  });
}

/**
 * Picks zh-CN or en from an Accept-Language header by the first supported tag in preference order;
 * anything unclear falls back to Chinese.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
