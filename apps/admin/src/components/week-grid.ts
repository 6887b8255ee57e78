// Converts between a planet's weekly chat windows and the week editor's grid of hour cells
// (grid[day][hour], day 0 = Sunday). Windows whose end is not after their start run past midnight.
import type { TWeeklyWindow } from '@connecto/shared'

export type WeekGrid = boolean[][]

export const emptyGrid = (): WeekGrid => Array.from({ length: 7 }, () => Array<boolean>(24).fill(false))

const hourOf = (time: string) => Number(time.slice(0, 2))
const timeOf = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`

/** Marks the hours each window touches; minutes are rounded down to the hour the grid can show. */
export function gridFromWindows(windows: readonly TWeeklyWindow[]): WeekGrid {
  const grid = emptyGrid()
  for (const w of windows) {
    const start = hourOf(w.startTime)
    const endMinutes = Number(w.endTime.slice(3, 5))
    let end = hourOf(w.endTime) + (endMinutes > 0 ? 1 : 0)
    if (w.endTime <= w.startTime) end += 24
    for (const day of w.daysOfWeek) {
      for (let h = start; h < end; h++) {
        const row = grid[(day + Math.floor(h / 24)) % 7]
        if (row) row[h % 24] = true
      }
    }
  }
  return grid
}

/** One window per run of selected hours, runs with the same hours on several days merged into one. */
export function windowsFromGrid(grid: WeekGrid): TWeeklyWindow[] {
  const byHours = new Map<string, TWeeklyWindow>()
  grid.forEach((row, day) => {
    let h = 0
    while (h < 24) {
      if (!row[h]) {
        h++
        continue
      }
      const start = h
      while (h < 24 && row[h]) h++
      const key = `${start}-${h}`
      const existing = byHours.get(key)
      if (existing) existing.daysOfWeek.push(day)
      else byHours.set(key, { daysOfWeek: [day], startTime: timeOf(start), endTime: timeOf(h) })
    }
  })
  return [...byHours.values()]
}
