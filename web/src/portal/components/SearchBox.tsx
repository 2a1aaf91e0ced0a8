import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { usePortalI18n } from '../i18n/index.tsx';

/** The site search: words go to the catalog search page (/open/datasets?q=…). */
export function SearchBox({ initial = '', large = false }: { initial?: string; large?: boolean }) {
  const { t } = usePortalI18n();
  const navigate = useNavigate();
  const id = useId();
  const [words, setWords] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = words.trim();
    navigate(q ? `/open/datasets?q=${encodeURIComponent(q)}` : '/open/datasets');
  };
  return (
    <form role="search" className={large ? 'pt-search pt-search-large' : 'pt-search'} onSubmit={submit}>
      <label htmlFor={id} className="pt-visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={words}
        maxLength={100}
        placeholder={t('search.placeholder')}
        onChange={(event) => setWords(event.target.value)}
        data-testid="portal-search-input"
      />
      <button type="submit" className="pt-button" data-testid="portal-search-submit">
        {t('search.submit')}
      </button>
    </form>
  );
}
