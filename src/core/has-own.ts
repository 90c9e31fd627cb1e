/**
 * hasOwn: whether `key` is an own property of `table` — the prototype-safe test every dictionary in the
 * kernel needs (`__proto__` or `toString` are then plain names). `Object.hasOwn` is ES2022, so this is the
 * ES5 spelling, written once: the long property chain cannot be minified at each use.
 */
const ownProperty = Object.prototype.hasOwnProperty;

/** True when `table` itself (not its prototype chain) has `key`. */
export function hasOwn(table: object, key: string): boolean {
  return ownProperty.call(table, key);
}
