// What a search query looks for, and the highlighted snippet of a hit. Pure functions, no database.
//
// Strategy (see search.service.ts for the SQL): the query is split into terms on anything that is not a
// letter or digit, and a message must contain every term as written (substring, case-insensitive):
// - 3+ characters: trigram index on searchable_text (LIKE '%term%'), which also serves CJK text that
//   has no spaces between words, because any substring of 3+ characters has trigrams of its own.
// - 2 characters (Korean "제주", Chinese "北京", Japanese "東京", English "la"): trigrams of a padded
//   word only find word starts, so the index is search_grams (the bigrams inside each word).
// - 1 non-ASCII letter (Chinese "茶"): search_grams holds those single letters too.
// - 1 ASCII letter or digit: dropped — it matches nearly everything and no index narrows it.
// Trade-off: grams cost index space (about two entries per character of text) for exact, indexed short
// queries everywhere in a word; the alternative, padded-trigram word_similarity, is free but only
// finds short terms at the start of a word, missing "北京" in "我想去北京".
import type { SnippetPart } from '@connecto/shared'

export type SearchTerm = { text: string; index: 'trigram' | 'grams' }

const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u
const isAscii = (char: string) => (char.codePointAt(0) ?? 0) < 0x80

export function searchTerms(query: string): SearchTerm[] {
  const words = [...new Set(query.toLowerCase().split(NOT_WORD).filter(Boolean))]
  return words.flatMap((text): SearchTerm[] => {
    const length = [...text].length
    if (length >= 3) return [{ text, index: 'trigram' }]
    if (length === 2 || !isAscii(text)) return [{ text, index: 'grams' }]
    return []
  })
}

/** `term` for LIKE, with its wildcards taken literally. */
export const likeContaining = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** A prefix tsquery over the terms, for the full-text part of the rank. Terms hold letters/digits only. */
export const prefixTsQuery = (terms: SearchTerm[]) => terms.map((t) => `'${t.text}':*`).join(' & ')

const CONTEXT_BEFORE = 40
const SNIPPET_LENGTH = 160

/**
 * Up to SNIPPET_LENGTH characters of `text` around its first match, cut into plain-text parts with the
 * matches marked; "…" parts where it was cut. Positions are found per character, so case folding never
 * shifts a highlight.
 */
export function highlightSnippet(text: string, terms: SearchTerm[]): SnippetPart[] {
  const chars = [...text]
  const lower = chars.map((c) => c.toLowerCase())
  const matched = new Array<boolean>(chars.length).fill(false)
  for (const term of terms) {
    const needle = [...term.text]
    for (let i = 0; i + needle.length <= lower.length; i++) {
      if (needle.every((c, k) => lower[i + k] === c)) matched.fill(true, i, i + needle.length)
    }
  }
  const first = Math.max(0, matched.indexOf(true))
  const start = Math.max(0, Math.min(first - CONTEXT_BEFORE, chars.length - SNIPPET_LENGTH))
  const end = Math.min(chars.length, start + SNIPPET_LENGTH)
  const body: SnippetPart[] = []
  for (let i = start; i < end; i++) {
    const last = body.at(-1)
    if (last && last.match === matched[i]) last.text += chars[i]
    else body.push({ text: chars[i] ?? '', match: matched[i] ?? false })
  }
  const cut = { text: '…', match: false }
  const parts = [...(start > 0 ? [cut] : []), ...body, ...(end < chars.length ? [{ ...cut }] : [])]
  return parts
}
