import { describe, expect, it } from 'vitest';
import { areaMm2, ellipseOutline, lengthMm, rectangleOutline, ViewerState, WINDOW_PRESETS, type ViewerSnapshot } from './ViewerState';

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

  it('turns rectangle and ellipse handles into outlines whose area is the shape\'s', () => {
    // Cornerstone's rectangle handles come top-left, top-right, bottom-left, bottom-right: a crossed polygon as they are.
    const corners = [{ x: 10, y: 10 }, { x: 30, y: 10 }, { x: 10, y: 20 }, { x: 30, y: 20 }];
    expect(areaMm2(rectangleOutline(corners), [1, 1])).toBeCloseTo(200);
    // Ellipse handles: bottom, top, left, right ends of the axes.
    const ends = [{ x: 50, y: 70 }, { x: 50, y: 30 }, { x: 40, y: 50 }, { x: 60, y: 50 }];
    const outline = ellipseOutline(ends, 64);
    expect(outline).toHaveLength(64);
    expect(areaMm2(outline, [0.5, 0.5])).toBeCloseTo(Math.PI * 10 * 20 * 0.25, 0);
  });
});
