// Following a pod's log (`f`, like `kubectl logs -f`): one streamed GET of pods/log?follow=true,
// its text appended to a bounded buffer (the newest FOLLOW_MAX_LINES lines) and handed to the view
// at most every FLUSH_MS. No React here: useDetail starts one while the logs view follows and stops
// it when following ends, the view changes (back, refresh, namespace) or the App unmounts (quit);
// stop() closes the connection.
import type { KubeApi, StreamHandle } from '../client/types.js';
import {
  type FollowState,
  type FollowedLines,
  type FollowedLog,
  NO_FOLLOWED_LINES,
  appendFollowed,
  followedText,
} from '../model/pod-logs.js';
import { describeError } from './errors.js';
import type { RequestLog } from './request-log.js';

/** While lines pour in, the view is updated at most this often (each update re-renders the pane). */
const FLUSH_MS = 50;

export class LogFollower {
  private handle?: StreamHandle;
  private stopped = false;
  private buf: FollowedLines = NO_FOLLOWED_LINES;
  private state: FollowState = { state: 'following' };
  private dirty = false;
  private timer?: NodeJS.Timeout;

  /** `log` receives the followed text as the stream's body when it ends (the request log shows it). */
  constructor(
    private readonly api: KubeApi,
    private readonly path: string,
    private readonly onUpdate: (followed: FollowedLog) => void,
    private readonly log?: RequestLog,
  ) {}

  /** Where the follow stands and what was received so far. */
  get followed(): FollowedLog {
    return { follow: this.state, lines: this.buf, requestId: this.handle?.requestId };
  }

  start(): void {
    this.onUpdate(this.followed);
    this.handle = this.api.streamText(this.path, { accept: '*/*' }, (text) => this.receive(text));
    this.handle.done.then(
      () => this.end('the server closed the stream'),
      (e: unknown) => this.end(reason(e)),
    );
  }

  /** Closes the stream (idempotent); nothing is reported after it. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.finish();
  }

  private receive(text: string): void {
    if (this.stopped) return;
    this.buf = appendFollowed(this.buf, text);
    this.dirty = true;
    if (!this.timer) this.flush();
  }

  /** Hands the buffer over now, then at most once per FLUSH_MS while more arrives. */
  private flush = (): void => {
    this.timer = undefined;
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    this.onUpdate(this.followed);
    this.timer = setTimeout(this.flush, FLUSH_MS);
  };

  /** The server ended the stream or it failed: the view keeps the lines and says why. */
  private end(why: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.state = { state: 'ended', reason: why };
    this.finish();
    this.onUpdate(this.followed);
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.handle?.stop();
    // Only a stream that answered has its request in the log to attach the text to.
    const id = this.handle?.requestId;
    if (this.buf.bytes > 0 && id !== undefined) this.log?.attachBody(id, { body: followedText(this.buf).join('\n') });
  }
}

function reason(e: unknown): string {
  const d = describeError(e);
  return `${d.title}: ${d.detail.split('\n')[0]}`;
}
