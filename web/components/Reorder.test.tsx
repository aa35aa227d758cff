import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProposedOrder } from './Reorder';

describe('a proposed order', () => {
  it('moves items, says it changed, and resets to the saved order', () => {
    const { result } = renderHook(() => useProposedOrder([1, 2, 3]));
    expect(result.current.changed).toBe(false);
    act(() => result.current.move(2, 0));
    expect(result.current.current).toEqual([3, 1, 2]);
    expect(result.current.changed).toBe(true);
    act(() => result.current.move(0, -1));
    expect(result.current.current).toEqual([3, 1, 2]);
    act(() => result.current.reset());
    expect(result.current.current).toEqual([1, 2, 3]);
  });

  it('drops a proposal once the saved items are no longer the same', () => {
    const { result, rerender } = renderHook(({ saved }) => useProposedOrder(saved), {
      initialProps: { saved: [1, 2] },
    });
    act(() => result.current.move(0, 1));
    expect(result.current.current).toEqual([2, 1]);
    rerender({ saved: [1, 2, 4] });
    expect(result.current.current).toEqual([1, 2, 4]);
    expect(result.current.changed).toBe(false);
  });
});
