import { describe, expect, it } from 'vitest';
import { areaMm2, lengthMm, ViewerState, WINDOW_PRESETS, type ViewerSnapshot } from './ViewerState';

describe('ViewerState', () => {
  it('announces every change with a copy of the whole state and a growing revision', () => {
    const viewer = new ViewerState();
    const seen: ViewerSnapshot[] = [];
    viewer.onChange((s) => seen.push(s));
    viewer.openSeries('1.2.3', '1.2.3.4');
    viewer.showImage(7, 20);
    viewer.setWindow(WINDOW_PRESETS.lung);
    expect(seen.map((s) => s.revision)).toEqual([1, 2, 3]);
    expect(seen[2]).toMatchObject({ seriesInstanceUid: '1.2.3.4', imageIndex: 7, window: { center: -600, width: 1500 } });
    seen[2].imageIndex = 99;
    expect(viewer.snapshot().imageIndex).toBe(7);
  });

  it('clamps scrolling to the stack and zoom to a sane range, and refuses a window narrower than 1', () => {
    const viewer = new ViewerState();
    viewer.showImage(50, 10);
    expect(viewer.snapshot().imageIndex).toBe(9);
    viewer.showImage(-3, 10);
    expect(viewer.snapshot().imageIndex).toBe(0);
    viewer.setView(100, { x: 5, y: -2 });
    expect(viewer.snapshot().zoom).toBe(20);
    expect(() => viewer.setWindow({ center: 40, width: 0 })).toThrow(RangeError);
  });

  it('survives JSON and is mirrored by a follower, which ignores stale snapshots', () => {
    const presenter = new ViewerState();
    const follower = new ViewerState();
    presenter.openSeries('1.2.3', '1.2.3.4');
    presenter.addAnnotation({ id: 'a', kind: 'length', imageIndex: 0, points: [{ x: 0, y: 0 }, { x: 3, y: 4 }] });
    const wire = JSON.parse(JSON.stringify(presenter.snapshot())) as ViewerSnapshot;
    presenter.showImage(5, 10);
    const newer = JSON.parse(JSON.stringify(presenter.snapshot())) as ViewerSnapshot;
    expect(follower.apply(newer)).toBe(true);
    expect(follower.apply(wire)).toBe(false);
    expect(follower.snapshot()).toEqual(presenter.snapshot());
    expect(follower.snapshot().annotations).toHaveLength(1);
  });

  it('measures lengths and areas in millimetres with the pixel spacing', () => {
    expect(lengthMm({ x: 0, y: 0 }, { x: 3, y: 4 }, [1, 1])).toBe(5);
    expect(lengthMm({ x: 0, y: 0 }, { x: 10, y: 0 }, [0.5, 0.7])).toBeCloseTo(7);
    expect(areaMm2([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }], [0.5, 0.5])).toBeCloseTo(25);
  });
});
