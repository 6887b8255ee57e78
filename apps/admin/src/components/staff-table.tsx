import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

type CellProps = { children?: ReactNode; 'data-label'?: string }

/** Gives each cell of a row its column's heading, which a phone shows beside the value (globals.css). */
function labelled(row: ReactNode, head: readonly string[]) {
  if (!isValidElement<CellProps>(row)) return row
  const cells = Children.map(row.props.children, (cell, i) =>
    isValidElement<CellProps>(cell) && head[i] ? cloneElement(cell, { 'data-label': head[i] }) : cell,
  )
  return cloneElement(row as ReactElement<CellProps>, {}, cells)
}

/**
 * A staff table: `head` names the columns and `children` are the body's rows, one `<td>` per column.
 * On a wide screen it is a table; on a phone each row is a card whose values carry their headings.
 */
export function StaffTable({
  head,
  testId,
  children,
}: {
  head: readonly string[]
  testId?: string
  children: ReactNode
}) {
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          {head.map((label) => (
            <th key={label}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>{Children.map(children, (row) => labelled(row, head))}</tbody>
    </table>
  )
}
