// RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with a quote, since audit
// details carry user-written text (ban reasons) into a file staff open in Excel.
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string) {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function toCsv(rows: readonly (readonly string[])[]) {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
