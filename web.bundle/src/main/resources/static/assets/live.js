// Server-pushed updates: an EventSource on the REST API's event stream (names and data as the
// REST bundle's EventFrames writes them). The page applies "monitoring" events as they come, and
// reads the node list again (coalesced) on the others. The browser retries a
// dropped stream by itself; when it gives up (the stream answered an error), this retries with a
// growing delay. Either way the page says so, and refreshes slowly until the stream is back.

export const EVENT_TYPES = ['member.joined', 'member.status', 'member.restarted', 'member.removed', 'member.state',
  'monitoring', 'metadata', 'suspects', 'rollout', 'message'];

export class LiveFeed {
  /**
   * url: the SSE route; onEvent(type, data): called on every event, data parsed (null if not JSON); onStatus(status, attempt):
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
    for (const type of EVENT_TYPES) source.addEventListener(type, (event) => this.onEvent(type, parse(event.data)));
  }

  stop() {
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = null;
    if (this.source) this.source.close();
    this.source = null;
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return null;
  }
}
