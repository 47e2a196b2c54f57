/**
 * Fan-out of main-process events to every connected client (Electron windows, browser
 * sockets), batched so a busy transfer sends a few messages a second, never one per chunk.
 * Must not import electron.
 */
import type { EventName, EventPayloads } from '../../shared/contract';

/** Receives a batched event for one client. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

type Batchable = { [E in EventName]: EventPayloads[E] extends Array<infer T> ? T : never };
/** Events whose payload is a list of items, which `push` batches. */
type BatchedEvent = { [E in EventName]: EventPayloads[E] extends unknown[] ? E : never }[EventName];

/** Collects events and flushes them to all sinks at most once per `intervalMs`. */
export class EventHub {
  private readonly sinks = new Set<EventSink>();
  private readonly pending = new Map<EventName, unknown[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 250) {}

  /** Adds a client; returns the function that removes it. */
  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Queues one item of a batched event. */
  push<E extends BatchedEvent>(event: E, item: Batchable[E]): void {
    let list = this.pending.get(event);
    if (!list) this.pending.set(event, (list = []));
    list.push(item);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends an event that its producer already batches (queue changes) or that is rare (questions). */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const sink of this.sinks) sink(event, payload);
  }

  /** Sends everything queued now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [event, items] of batches) {
      for (const sink of this.sinks) sink(event, items as EventPayloads[typeof event]);
    }
  }

  /** Stops the timer; pending items are dropped. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.sinks.clear();
  }
}
