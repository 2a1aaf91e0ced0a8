/** The languages of the console; Chinese is the default. */
export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const STORAGE_KEY = 'zhengshu.lang';

function readStored(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Lang = typeof window === 'undefined' ? 'zh-CN' : readStored();

/** The language in use; the API client sends it as Accept-Language on every call. */
export function currentLang(): Lang {
  return current;
}

/** Switches the language and remembers it in this browser. */
export function storeLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or storage disabled: the choice lasts until the page is closed
  }
  document.documentElement.lang = lang;
}
