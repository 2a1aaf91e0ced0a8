import type { ReactNode } from 'react';

/**
 * A data table in a box that scrolls sideways on its own when it is wider than the screen (the page
 * never does), reachable by keyboard and named for screen readers.
 */
export function Table({
  label,
  headers,
  testId,
  children,
}: {
  label: string;
  headers: ReactNode[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="pt-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="pt-table" data-testid={testId}>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
