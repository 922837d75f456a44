import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PubSub } from '../core/pubsub';
import type { ServerMessage } from './messages';
import { SharedViewing, VIEW_INTERVAL_MS } from './SharedViewing';

function room(selfId: string) {
  const sent: Record<string, unknown>[] = [];
  const messages = new PubSub<{ message: ServerMessage }>();
  return { sent, messages, current: { selfId }, signal: (m: Record<string, unknown>) => { sent.push(m); },
    receive: (m: unknown) => messages.publish('message', m as ServerMessage) };
}

const welcome = (presenterUserId: string, view: unknown = null) => ({ type: 'welcome', sessionId: 's', userId: 'x', moderatorUserId: 'mod',
  media: 'mesh', participants: [], chat: [], recording: false, presenterUserId, view, patientIds: ['p1'] });

describe('SharedViewing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('the presenter sends coalesced view states, latest wins, at most one per interval', () => {
    let now = 1000;
    const r = room('mod');
    const shared = new SharedViewing(r, () => now);
    r.receive(welcome('mod'));
    shared.viewer.openSeries('1.2', '1.2.3');
    vi.advanceTimersByTime(0);
    expect(r.sent).toHaveLength(1);
    const changed = now;
    for (let i = 1; i <= 5; i++) shared.viewer.showImage(i, 10);
    expect(r.sent).toHaveLength(1);
    now += VIEW_INTERVAL_MS;
    vi.advanceTimersByTime(VIEW_INTERVAL_MS);
    expect(r.sent).toHaveLength(2);
    expect(r.sent[1]).toMatchObject({ type: 'view', state: { patientId: 'p1', imageIndex: 5, seriesInstanceUid: '1.2.3' }, sentAt: changed });
  });

  it('a follower applies the presenter\'s state, measures the delay to its screen, and never sends', () => {
    let now = 5000;
    const r = room('doc');
    const shared = new SharedViewing(r, () => now);
    const state = { studyInstanceUid: '1.2', seriesInstanceUid: '1.2.3', imageIndex: 4, window: { center: -600, width: 1500 },
      zoom: 2, pan: { x: 1, y: 2 }, annotations: [], revision: 7, patientId: 'p1' };
    r.receive(welcome('mod', { presenterUserId: 'mod', state, sentAt: 4990 }));
    expect(shared.viewer.snapshot()).toMatchObject({ imageIndex: 4, window: { center: -600, width: 1500 }, zoom: 2 });
    expect(shared.rendered(now)).toBe(10);
    expect(shared.rendered(now)).toBeNull();
    shared.viewer.showImage(1, 10);
    vi.advanceTimersByTime(1000);
    expect(r.sent).toEqual([]);

    r.receive({ type: 'view', presenterUserId: 'mod', state: { ...state, imageIndex: 2, revision: 1 }, sentAt: now });
    expect(shared.viewer.snapshot().imageIndex).toBe(2);
  });

  it('when control is granted, the new presenter sends and the request is cleared', () => {
    const r = room('doc');
    const shared = new SharedViewing(r, () => 0);
    r.receive(welcome('mod'));
    shared.askForControl();
    r.receive({ type: 'control-requested', userId: 'doc' });
    expect(shared.current.requests).toEqual(['doc']);
    shared.viewer.openSeries('1.2', '1.2.3');
    r.receive({ type: 'presenter', userId: 'doc', by: 'mod' });
    vi.advanceTimersByTime(VIEW_INTERVAL_MS);
    expect(shared.presenting).toBe(true);
    expect(shared.current.requests).toEqual([]);
    expect(r.sent.map((m) => m.type)).toEqual(['control-request', 'view']);
  });
});
