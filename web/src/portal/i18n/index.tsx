// The portal's languages: its own texts (a public site needs far fewer than the console, and loading
// the console's dictionary would cost the portal's JS budget), the console's stored choice
// (lang.ts), so a person who switched to English in one sees English in the other.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { currentLang, storeLang, type Lang } from '../../i18n/lang.ts';
import { portalEn } from './en.ts';
import { portalZhCN, type PortalKey } from './zh-CN.ts';

export type { Lang } from '../../i18n/lang.ts';
export type { PortalKey } from './zh-CN.ts';

const texts: Record<Lang, Record<PortalKey, string>> = { 'zh-CN': portalZhCN, en: portalEn };

/** Parameters of a text's `{name}` placeholders. */
export type TextParams = Record<string, string | number>;

/** A text of the portal in the current language. */
export type PortalT = (key: PortalKey, params?: TextParams) => string;

/** The text of `key` in `lang` with its placeholders filled. */
export function portalText(lang: Lang, key: PortalKey, params?: TextParams): string {
  const template = texts[lang][key];
  return params
    ? template.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all))
    : template;
}

interface PortalI18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: PortalT;
  /** A number in the language's grouping (12,345). */
  num(value: number): string;
  /** A date (and time) in the language's order. */
  date(iso: string, withTime?: boolean): string;
}

const Context = createContext<PortalI18n | null>(null);

/** Holds the language of the portal and keeps <html lang> in step. */
export function PortalI18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const value = useMemo<PortalI18n>(() => {
    const numbers = new Intl.NumberFormat(lang);
    const days = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit' });
    const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    document.documentElement.lang = lang;
    return {
      lang,
      setLang: (next) => {
        storeLang(next);
        setLangState(next);
      },
      t: (key, params) => portalText(lang, key, params),
      num: (n) => numbers.format(n),
      date: (iso, withTime = false) => {
        const at = new Date(iso);
        return Number.isNaN(at.getTime()) ? iso : (withTime ? times : days).format(at);
      },
    };
  }, [lang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The portal's language, its switch and formatters. */
export function usePortalI18n(): PortalI18n {
  const value = useContext(Context);
  if (!value) throw new Error('usePortalI18n outside PortalI18nProvider');
  return value;
}
