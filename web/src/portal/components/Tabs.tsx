import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** A tab: its key, its label and what it shows. */
export interface Tab {
  key: string;
  label: string;
  content: ReactNode;
}

/**
 * Tabs as the WAI-ARIA pattern has them: a tablist whose arrow, Home and End keys move between tabs
 * (only the chosen tab is in the Tab order), each tab naming the panel it controls.
 */
export function Tabs({
  tabs,
  active,
  onChange,
  label,
  testId,
}: {
  tabs: Tab[];
  active: string;
  onChange(key: string): void;
  label: string;
  testId?: string;
}) {
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const at = Math.max(
    0,
    tabs.findIndex((tab) => tab.key === active),
  );
  const move = (event: KeyboardEvent) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at + last) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onChange(tabs[next]!.key);
    buttons.current[next]?.focus();
  };
  return (
    <div className="pt-tabs" data-testid={testId}>
      <div role="tablist" aria-label={label} className="pt-tablist" onKeyDown={move}>
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={index === at}
            aria-controls={`${base}-panel-${tab.key}`}
            tabIndex={index === at ? 0 : -1}
            className="pt-tab"
            data-testid={`tab-${tab.key}`}
            onClick={() => onChange(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${base}-panel-${tab.key}`}
          aria-labelledby={`${base}-tab-${tab.key}`}
          hidden={index !== at}
          className="pt-tabpanel"
        >
          {index === at && tab.content}
        </div>
      ))}
    </div>
  );
}
