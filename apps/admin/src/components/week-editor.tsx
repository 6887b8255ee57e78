'use client'

// The chat-hours editor: no limit, the same hours every day, or a visual week where staff paint the
// hours a planet is open. Writes the chosen restriction as JSON into a hidden field of its form.
import type { TTimeRestriction, TWeeklyWindow } from '@connecto/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import { gridFromWindows, type WeekGrid, windowsFromGrid } from './week-grid'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const HOURS = Array.from({ length: 24 }, (_, h) => h)

type Props = { type: string; restriction: unknown }

export function WeekEditor({ type, restriction }: Props) {
  const initial = (restriction ?? {}) as { windows?: TWeeklyWindow[]; startTime?: string; endTime?: string }
  const [mode, setMode] = useState(type === 'CUSTOM' ? 'CUSTOM' : type)
  const [grid, setGrid] = useState<WeekGrid>(() =>
    gridFromWindows(type === 'WEEKLY' ? (initial.windows ?? []) : []),
  )
  const [daily, setDaily] = useState({
    startTime: initial.startTime ?? '08:00',
    endTime: initial.endTime ?? '22:00',
  })
  const painting = useRef<boolean | null>(null)
  // A drag ends wherever the pointer is released, also outside the grid.
  useEffect(() => {
    const stop = () => {
      painting.current = null
    }
    window.addEventListener('pointerup', stop)
    return () => window.removeEventListener('pointerup', stop)
  }, [])

  const windows = useMemo(() => windowsFromGrid(grid), [grid])
  // CUSTOM windows are kept as they are: the grid cannot show dated windows.
  const value: TTimeRestriction | Record<string, unknown> =
    mode === 'DAILY'
      ? { type: 'DAILY', ...daily }
      : mode === 'WEEKLY'
        ? { type: 'WEEKLY', windows }
        : mode === 'CUSTOM'
          ? { ...(restriction as object), type: 'CUSTOM' }
          : { type: 'NONE' }

  const paint = (day: number, hour: number, on: boolean) =>
    setGrid((g) => g.map((row, d) => (d === day ? row.map((cell, h) => (h === hour ? on : cell)) : row)))

  return (
    <fieldset className="week-editor">
      <legend>Chat hours</legend>
      <input type="hidden" name="restriction" value={JSON.stringify(value)} />
      <div className="toolbar">
        {(['NONE', 'DAILY', 'WEEKLY'] as const).map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'NONE' ? 'Always open' : m === 'DAILY' ? 'Same hours every day' : 'Weekly schedule'}
          </label>
        ))}
      </div>
      {mode === 'CUSTOM' ? (
        <p className="muted small">
          This planet uses custom date windows; pick another mode to replace them.
        </p>
      ) : null}
      {mode === 'DAILY' ? (
        <div className="toolbar">
          <label>
            Opens{' '}
            <input
              type="time"
              value={daily.startTime}
              onChange={(e) => setDaily({ ...daily, startTime: e.target.value })}
            />
          </label>
          <label>
            Closes{' '}
            <input
              type="time"
              value={daily.endTime}
              onChange={(e) => setDaily({ ...daily, endTime: e.target.value })}
            />
          </label>
        </div>
      ) : null}
      {mode === 'WEEKLY' ? (
        <>
          <p className="muted small">
            Click or drag across the hours the planet is open. Times are in the planet's time zone.
          </p>
          <div className="week-grid" data-testid="week-grid">
            <div className="week-row week-head">
              <span />
              {HOURS.map((h) => (
                <span key={h} className="week-hour">
                  {h % 3 === 0 ? h : ''}
                </span>
              ))}
            </div>
            {DAYS.map((label, day) => (
              <div key={label} className="week-row">
                <span className="week-day">{label}</span>
                {HOURS.map((hour) => {
                  const on = grid[day]?.[hour] ?? false
                  return (
                    <button
                      key={hour}
                      type="button"
                      aria-pressed={on}
                      aria-label={`${label} ${hour}:00`}
                      className={on ? 'week-cell on' : 'week-cell'}
                      onPointerDown={() => {
                        painting.current = !on
                        paint(day, hour, !on)
                      }}
                      onPointerEnter={() => {
                        if (painting.current !== null) paint(day, hour, painting.current)
                      }}
                      onPointerUp={() => (painting.current = null)}
                      onKeyDown={(e) => {
                        if (e.key === ' ' || e.key === 'Enter') {
                          e.preventDefault()
                          paint(day, hour, !on)
                        }
                      }}
                    />
                  )
                })}
              </div>
            ))}
          </div>
          <p className="muted small" data-testid="week-summary">
            {windows.length === 0
              ? 'No hours selected yet.'
              : windows
                  .map((w) => `${w.daysOfWeek.map((d) => DAYS[d]).join(', ')} ${w.startTime}–${w.endTime}`)
                  .join(' · ')}
          </p>
        </>
      ) : null}
    </fieldset>
  )
}
