// Following a log, without I/O: the bounded buffer (oldest lines dropped, said in the note), the
// follow URL, and the reducer's `less +F` scrolling (bottom sticks, scrolled up keeps its place).
import { describe, expect, test } from 'vitest';
import {
  NO_FOLLOWED_LINES,
  appendFollowed,
  followNote,
  followedText,
  podLogFollowPath,
} from '../src/model/pod-logs.js';
import { type Screen, run, start, text } from './helpers/nav.js';

describe('the followed buffer', () => {
  test('lines split across chunks, CRLF trimmed, the line being written shown last', () => {
    let b = appendFollowed(NO_FOLLOWED_LINES, 'one\r\ntw');
    b = appendFollowed(b, 'o\nthr');
    expect(b.lines).toEqual(['one', 'two']);
    expect(followedText(b)).toEqual(['one', 'two', 'thr']);
    expect(b.bytes).toBe(12);
  });

  test('at most `max` lines: the oldest dropped, and the note says so', () => {
    let b = NO_FOLLOWED_LINES;
    for (let i = 0; i < 7; i++) b = appendFollowed(b, `l${i}\n`, 5);
    expect(b.lines).toEqual(['l2', 'l3', 'l4', 'l5', 'l6']);
    expect(b.dropped).toBe(2);
    expect(followNote({ state: 'following' }, b)).toBe(
      '● following: 5 lines, 21 B received  2 oldest dropped (the newest 5000 kept)  f: stop  Esc: back',
    );
    expect(followNote({ state: 'stopped' }, NO_FOLLOWED_LINES)).toMatch(/^○ follow stopped: 0 lines/);
    expect(followNote({ state: 'ended', reason: 'the server closed the stream' }, b)).toMatch(
      /^○ follow ended \(the server closed the stream\)/,
    );
  });

  test('one endless line is kept in pieces of 4 KiB: the line being written never grows past that', () => {
    let b = NO_FOLLOWED_LINES;
    for (let i = 0; i < 10; i++) b = appendFollowed(b, 'x'.repeat(1000));
    expect(b.lines.map((l) => l.length)).toEqual([4096, 4096]);
    expect(b.partial.length).toBe(1808);
    b = appendFollowed(b, `${'y'.repeat(5000)}\nz`);
    expect(b.lines.map((l) => l.length)).toEqual([4096, 4096, 4096, 2712]);
    expect(b.partial).toBe('z');
  });

  test('the URL: follow, tailLines, container', () => {
    expect(podLogFollowPath('team-a', 'web-1')).toBe(
      '/api/v1/namespaces/team-a/pods/web-1/log?follow=true&tailLines=500',
    );
    expect(podLogFollowPath('team-a', 'web-1', 'nginx')).toBe(
      '/api/v1/namespaces/team-a/pods/web-1/log?follow=true&tailLines=500&container=nginx',
    );
  });
});

describe('scrolling a followed log', () => {
  const size = (s: Screen, lines: number, dropped = 0) => run(s, { type: 'text', lines, height: 10, dropped });
  const logs = () => {
    let s = run(start('team-a'), { type: 'openLogs', namespace: 'team-a', name: 'db-0' });
    s = size(s, 100);
    return run(s, { type: 'toggleFollow' });
  };

  test('f starts at the bottom and stays there as lines arrive', () => {
    let s = logs();
    expect(text(s).scroll).toBe(90);
    s = size(s, 120);
    expect(text(s).scroll).toBe(110);
  });

  test('scrolled up it keeps its place, also when old lines are dropped; G sticks again', () => {
    let s = run(logs(), { type: 'move', delta: -20 });
    expect(text(s).scroll).toBe(70);
    s = size(s, 130);
    expect(text(s).scroll).toBe(70);
    s = size(s, 130, 5); // five oldest dropped, five new: the same text is 5 lines higher
    expect(text(s).scroll).toBe(65);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    s = size(s, 140, 5);
    expect(text(s).scroll).toBe(130);
  });

  test('f again, r, back and a namespace change end following', () => {
    const top = (s: Screen) => s.state.detail.stack[s.state.detail.stack.length - 1];
    expect(top(logs())).toEqual({ kind: 'logs', namespace: 'team-a', name: 'db-0', follow: true });
    expect(top(run(logs(), { type: 'toggleFollow' }))).toEqual({ kind: 'logs', namespace: 'team-a', name: 'db-0' });
    expect(top(run(logs(), { type: 'refresh' }))).toEqual({ kind: 'logs', namespace: 'team-a', name: 'db-0' });
    expect(run(logs(), { type: 'back' }).state.detail.stack).toEqual([]);
    expect(run(logs(), { type: 'setNamespace', namespace: 'team-b' }).state.detail.stack).toEqual([]);
  });
});
