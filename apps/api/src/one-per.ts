// One value per owner object (a runtime, a database client), made on first use and dropped with the
// owner: the node-local state services keep (limiters, batchers, in-process maps) without a registry.
export function onePer<K extends object, V>(create: (owner: K) => V): (owner: K) => V {
  const values = new WeakMap<K, V>()
  return (owner) => {
    let value = values.get(owner)
    if (value === undefined) {
      value = create(owner)
      values.set(owner, value)
    }
    return value
  }
}
