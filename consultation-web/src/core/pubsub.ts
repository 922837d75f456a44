/** A tiny typed publish/subscribe hub: `subscribe` returns its own unsubscribe. */
export type Listener<T> = (payload: T) => void;

export class PubSub<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  subscribe<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  publish<K extends keyof Events>(event: K, payload: Events[K]): void {
    // Copy first: a listener may unsubscribe (or subscribe others) while we iterate.
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      (listener as Listener<Events[K]>)(payload);
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
