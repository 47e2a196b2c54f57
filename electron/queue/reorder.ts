/**
 * Moving a selection within the queue order (up, down, top, bottom), keeping the selected items'
 * relative order, as FileZilla's queue does. Pure.
 */

/** Where `move` puts items. */
export type MoveTarget = 'up' | 'down' | 'top' | 'bottom';

/**
 * The order after moving the chosen elements; a chosen element never jumps over another chosen
 * one. Only elements that `isShown` (and the chosen ones) take part: the others keep their places
 * and are stepped over, so "up" moves past the item the user sees above, not past finished items
 * the queue view hides.
 */
export function reorder<T>(order: readonly T[], isChosen: (t: T) => boolean, to: MoveTarget, isShown: (t: T) => boolean = () => true): T[] {
  const slots: number[] = [];
  order.forEach((t, i) => {
    if (isChosen(t) || isShown(t)) slots.push(i);
  });
  const moved = reorderAll(slots.map((i) => order[i]), isChosen, to);
  const next = [...order];
  slots.forEach((slot, k) => (next[slot] = moved[k]));
  return next;
}

function reorderAll<T>(order: readonly T[], isChosen: (t: T) => boolean, to: MoveTarget): T[] {
  if (to === 'top' || to === 'bottom') {
    const picked = order.filter(isChosen);
    const rest = order.filter((t) => !isChosen(t));
    return to === 'top' ? [...picked, ...rest] : [...rest, ...picked];
  }
  const next = [...order];
  // Swap each chosen element with its unchosen neighbour, scanning from the side it moves to.
  const step = to === 'up' ? -1 : 1;
  const indexes = next.map((t, i) => (isChosen(t) ? i : -1)).filter((i) => i >= 0);
  if (step > 0) indexes.reverse();
  for (const i of indexes) {
    const j = i + step;
    if (j < 0 || j >= next.length || isChosen(next[j])) continue;
    [next[i], next[j]] = [next[j], next[i]];
  }
  return next;
}
