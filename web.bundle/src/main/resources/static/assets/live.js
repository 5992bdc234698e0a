// Server-pushed updates: an EventSource on the REST API's event stream. Any event means "the
// cluster changed": the page then reads the node list again (coalesced). The browser retries a
// dropped stream by itself; when it gives up (the stream answered an error), this retries with a
// growing delay. Either way the page says so, and refreshes slowly until the stream is back.

export const EVENT_TYPES = ['message', 'member', 'membership', 'state', 'status', 'monitoring', 'metrics', 'metadata', 'node', 'nodes', 'change', 'cluster', 'rollout'];

export class LiveFeed {
  /**
   * url: the SSE route; onEvent(type): called on every event; onStatus(status, attempt):
   * 'live' | 'reconnecting' | 'unavailable'; timers: { setTimeout, clearTimeout } (tests may replace them).
   */
  constructor(url, onEvent, onStatus, timers = globalThis) {
    this.url = url;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.timers = timers;
    this.attempt = 0;
    this.source = null;
    this.retry = null;
  }

  start() {
    this.stop();
    const source = new EventSource(this.url);
    this.source = source;
    source.onopen = () => {
      this.attempt = 0;
      this.onStatus('live', 0);
    };
    source.onerror = () => {
      if (source !== this.source) return;
      this.attempt += 1;
      if (source.readyState === EventSource.CLOSED) {
        this.onStatus('unavailable', this.attempt);
        const delay = Math.min(30000, 1000 * 2 ** Math.min(5, this.attempt - 1));
        this.retry = this.timers.setTimeout(() => this.start(), delay);
      } else {
        this.onStatus('reconnecting', this.attempt);
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, () => this.onEvent(type));
  }

  stop() {
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = null;
    if (this.source) this.source.close();
    this.source = null;
  }
}
