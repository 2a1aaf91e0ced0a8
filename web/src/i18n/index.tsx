import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { currentLang, storeLang, type Lang } from './lang.ts';
import { zhCN, type Dictionary, type MessageKey } from './zh-CN.ts';

export type { Lang } from './lang.ts';
export type { MessageKey } from './zh-CN.ts';

const dictionaries: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };

/** Fills `{name}` placeholders. */
function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A text in a language. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(dictionaries[lang][key], params);
}

/** Whether a dynamic key (e.g. `audit.action.<action>`) has a text. */
export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the chosen language for the whole console. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language, its switch and the `t` function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
