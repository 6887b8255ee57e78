// Search terms and snippets: which index each term goes to, LIKE escaping, and highlights that stay on
// the matched characters whatever the script or case.
import { describe, expect, it } from 'vitest'
import { highlightSnippet, likeContaining, prefixTsQuery, searchTerms } from './search-terms.ts'

describe('searchTerms', () => {
  it('sends 3+ characters to trigrams, 2 characters and single CJK letters to grams, drops single ASCII', () => {
    expect(searchTerms('제주도 여행')).toEqual([
      { text: '제주도', index: 'trigram' },
      { text: '여행', index: 'grams' },
    ])
    expect(searchTerms('茶')).toEqual([{ text: '茶', index: 'grams' }])
    expect(searchTerms('Dinner, at 7!')).toEqual([
      { text: 'dinner', index: 'trigram' },
      { text: 'at', index: 'grams' },
    ])
    expect(searchTerms('a b % _ ')).toEqual([])
    expect(searchTerms('Jeju jeju JEJU')).toEqual([{ text: 'jeju', index: 'trigram' }])
  })

  it('takes LIKE wildcards literally and builds a prefix tsquery', () => {
    expect(likeContaining('50%_off\\')).toBe('%50\\%\\_off\\\\%')
    expect(prefixTsQuery(searchTerms('제주 trip'))).toBe("'제주':* & 'trip':*")
  })
})

describe('highlightSnippet', () => {
  it('marks every occurrence of every term, case-insensitively, as plain text parts', () => {
    expect(highlightSnippet('Jeju <b>trip</b>: JEJU again', searchTerms('jeju trip'))).toEqual([
      { text: 'Jeju', match: true },
      { text: ' <b>', match: false },
      { text: 'trip', match: true },
      { text: '</b>: ', match: false },
      { text: 'JEJU', match: true },
      { text: ' again', match: false },
    ])
  })

  it('highlights Korean partial words and Japanese text without spaces', () => {
    expect(highlightSnippet('내일 제주에서 만나요', searchTerms('제주'))).toEqual([
      { text: '내일 ', match: false },
      { text: '제주', match: true },
      { text: '에서 만나요', match: false },
    ])
    expect(highlightSnippet('東京タワーに行きたい', searchTerms('タワー'))).toEqual([
      { text: '東京', match: false },
      { text: 'タワー', match: true },
      { text: 'に行きたい', match: false },
    ])
  })

  it('cuts long text around the first match, marking the cuts, and never splits an emoji', () => {
    const text = `${'🌊'.repeat(100)} found here ${'x'.repeat(300)}`
    const parts = highlightSnippet(text, searchTerms('found'))
    expect(parts[0]).toEqual({ text: '…', match: false })
    expect(parts.at(-1)).toEqual({ text: '…', match: false })
    expect(parts.find((p) => p.match)).toEqual({ text: 'found', match: true })
    const body = parts
      .slice(1, -1)
      .map((p) => p.text)
      .join('')
    expect([...body]).toHaveLength(160)
    expect(text).toContain(body)
    expect(body.startsWith('🌊'.repeat(39))).toBe(true)
  })
})
