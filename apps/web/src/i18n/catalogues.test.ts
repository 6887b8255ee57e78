import { describe, expect, it } from 'vitest'
import en from '../messages/en.json'
import ko from '../messages/ko.json'
import { LOCALES } from './locales'

type Tree = { [key: string]: string | Tree }

/** Every leaf as [dotted.key, value]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  )
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort()

describe('message catalogues', () => {
  const catalogues: Record<string, Tree> = { en, ko }

  it('ship one catalogue per locale', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort())
  })

  it('have exactly the same keys', () => {
    expect(leaves(ko).map(([key]) => key)).toEqual(leaves(en).map(([key]) => key))
  })

  it('have no empty values', () => {
    for (const [locale, tree] of Object.entries(catalogues)) {
      // A plural or an optional prefix may be empty inside ICU braces, never the whole message.
      const empty = leaves(tree).filter(([, value]) => value.trim() === '')
      expect(empty, locale).toEqual([])
    }
  })

  it('use the same placeholders in every language', () => {
    const korean = new Map(leaves(ko))
    for (const [key, value] of leaves(en)) {
      expect(placeholders(korean.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })
})
