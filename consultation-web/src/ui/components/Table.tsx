import type { ReactNode } from 'react';

/** A data table named for assistive technology, with column headers; rows are the caller's `<tr>`s. */
export function Table({ label, labelledBy, columns, children }: {
  label?: string;
  labelledBy?: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <table aria-label={label} aria-labelledby={labelledBy}>
      <thead>
        <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
