// Values known to be plain JSON data (objects, arrays, strings, finite numbers, booleans, null: no
// Date, no undefined), and for some of them their JSON text. A live event is written once as text for
// the database; that text crosses the bus and comes back parsed on every node, so the serialisers reuse
// it rather than walk the value again (superjson) or stringify it once more for each frame.
// A marked value must not change afterwards.

const texts = new WeakMap<object, string>()
const plain = new WeakSet<object>()

/** Marks `value` as plain JSON data; returns it. */
export function markPlainJson<T extends object>(value: T): T {
  plain.add(value)
  return value
}

/** Marks `value` as plain JSON data whose JSON text is `text`; returns it. */
export function withJsonText<T extends object>(value: T, text: string): T {
  texts.set(value, text)
  return value
}

export const isPlainJson = (value: object) => plain.has(value) || texts.has(value)

export const knownJsonText = (value: object): string | undefined => texts.get(value)

/** The JSON text of plain JSON data: the known one, or made now. */
export function jsonTextOf(value: unknown): string {
  return (typeof value === 'object' && value !== null && texts.get(value)) || JSON.stringify(value)
}

/** Parses JSON text; an object or array result keeps `text` as its known text. */
export function parseJsonText(text: string): unknown {
  const value: unknown = JSON.parse(text)
  return typeof value === 'object' && value !== null ? withJsonText(value, text) : value
}
