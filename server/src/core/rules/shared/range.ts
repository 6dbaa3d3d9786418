import { replaceScalar } from '../../fix/edits';
import type { Known, Located } from '../../model/located';
import type { Fix } from '../../fix/types';

/** A known number outside the range AWS allows, the nearest whole number inside it, and a fix that writes it. */
export interface OutOfRange {
  readonly at: Known<number>;
  readonly nearest: number;
  readonly fix: Fix;
}

/**
 * Checks a setting against [min, max] (the bounds come from facts/); undefined when it is unknown or within range.
 * `key` names the setting in the fix's title.
 */
export function outOfRange(value: Located<number> | undefined, min: number, max: number, key: string, text: string): OutOfRange | undefined {
  if (!value?.known || (value.value >= min && value.value <= max)) return undefined;
  const nearest = Math.min(max, Math.max(min, Math.round(value.value)));
  return { at: value, nearest, fix: { title: `Set ${key} to ${nearest}`, edits: [replaceScalar(text, value.node, nearest)] } };
}
