// The screenshot fixture's layout check: a page must not be wider than the viewport it is shown in.
import { expect, type Page } from '@playwright/test'

type Overflow = { scrollWidth: number; innerWidth: number; offenders: string[] }

/**
 * How far the page reaches past the viewport's right edge, and the elements that stick out furthest
 * (skipping those clipped by a scrolling or hidden-overflow ancestor), named by a short selector path.
 * Runs in the browser, so it may use only what it declares.
 */
function measureOverflow(): Promise<Overflow> {
  const name = (el: Element) => {
    const id = el.id ? `#${el.id}` : ''
    const classes = Array.from(el.classList)
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('')
    return `${el.tagName.toLowerCase()}${id}${classes}`
  }
  const describe = (el: Element) => {
    const parts: string[] = []
    for (
      let node: Element | null = el;
      node && node !== document.body && parts.length < 4;
      node = node.parentElement
    )
      parts.unshift(name(node))
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    return `${parts.join(' > ')}${text ? ` ("${text}")` : ''}`
  }
  const isClipped = (el: Element, limit: number) => {
    for (let node = el.parentElement; node && node !== document.documentElement; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== 'visible' && node.getBoundingClientRect().right <= limit)
        return true
    }
    return false
  }
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const limit = window.innerWidth
      const sticking = Array.from(document.body.querySelectorAll('*'))
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
        .filter(({ el, right }) => right > limit + 0.5 && getComputedStyle(el).position !== 'fixed')
        .filter(({ el }) => !isClipped(el, limit + 0.5))
        .sort((a, b) => b.right - a.right)
      resolve({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: limit,
        offenders: sticking
          .slice(0, 5)
          .map(({ el, right }) => `${describe(el)} reaches ${Math.round(right)}px`),
      })
    }),
  )
}

/** Fails when the page scrolls sideways at this size: on a phone that is a layout bug, not a screenshot detail. */
export async function expectNoSidewaysScroll(page: Page, shot: string) {
  const { scrollWidth, innerWidth, offenders } = await page.evaluate(measureOverflow)
  const where = new URL(page.url()).pathname
  expect(
    scrollWidth,
    `${shot} (${where}) is ${scrollWidth}px wide in a ${innerWidth}px viewport; widest elements:\n  ${offenders.join('\n  ') || '(none found)'}`,
  ).toBeLessThanOrEqual(innerWidth)
}
