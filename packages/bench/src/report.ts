// The results table: one row per target and step, aligned for a terminal.
import type { StepResult } from './load.ts'

const COLUMNS: [string, (r: StepResult) => string | number][] = [
  ['target', (r) => r.target],
  ['offered msg/s', (r) => r.offeredRate],
  ['sent', (r) => r.sent],
  ['send err', (r) => r.sendErrors],
  ['deliveries', (r) => `${r.delivered}/${r.expected}`],
  ['lost', (r) => r.lost],
  ['dup', (r) => r.duplicates],
  ['order', (r) => r.orderViolations],
  ['other frames', (r) => r.otherFrames],
  ['ack p99', (r) => r.ackP99Ms],
  ['p50 ms', (r) => r.p50Ms],
  ['p99 ms', (r) => r.p99Ms],
  ['max ms', (r) => r.maxMs],
  ['srv cpu %', (r) => r.apiCpuPercent],
  ['rss MB', (r) => r.apiRssMb],
  ['worker cpu %', (r) => r.workerCpuPercent ?? '-'],
  ['pg cpu %', (r) => r.postgresCpuPercent ?? '-'],
  ['loadgen cpu %', (r) => r.loadGeneratorCpuPercent],
  ['machine cpu %', (r) => r.machineCpuPercent],
  ['steal %', (r) => r.stealPercent ?? '-'],
  ['loop p99 ms', (r) => r.eventLoopP99Ms ?? '-'],
  ['ok', (r) => (r.p99Ms < 100 && r.lost === 0 ? 'yes' : 'no')],
]

export function formatTable(results: StepResult[]) {
  const rows = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, get]) => String(get(r))))]
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}
