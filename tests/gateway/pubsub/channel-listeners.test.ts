import { describe, expect, it } from '@jest/globals';
import { ChannelListeners } from '../../../gateway/pubsub/channel-listeners.js';

describe('listeners by channel', () => {
  it('says when a channel gets its first listener and loses its last, so relaying starts and stops once', () => {
    const listeners = new ChannelListeners<[string]>();
    const a = () => {};
    const b = () => {};
    expect(listeners.add('c', a)).toBe(true);
    expect(listeners.add('c', b)).toBe(false);
    expect(listeners.remove('c', a)).toBe(false);
    expect(listeners.remove('c', a)).toBe(false);
    expect(listeners.remove('c', b)).toBe(true);
    expect(listeners.add('c', a)).toBe(true);
  });

  it('delivers to the channel’s listeners in the order they came, and to no other channel', () => {
    const listeners = new ChannelListeners<[string]>();
    const heard: string[] = [];
    listeners.add('c', (event) => heard.push(`first ${event}`));
    listeners.add('c', (event) => heard.push(`second ${event}`));
    listeners.add('other', (event) => heard.push(`other ${event}`));
    listeners.deliver('c', 'x');
    listeners.deliver('nobody', 'y');
    expect(heard).toEqual(['first x', 'second x']);
  });

  it('still delivers to the others when one listener throws', () => {
    const listeners = new ChannelListeners<[number]>();
    const heard: number[] = [];
    listeners.add('c', () => {
      throw new Error('broken subscriber');
    });
    listeners.add('c', (event) => heard.push(event));
    listeners.deliver('c', 1);
    expect(heard).toEqual([1]);
  });

  it('skips a listener removed while the event is being delivered, and one added then waits for the next event', () => {
    const listeners = new ChannelListeners<[number]>();
    const heard: string[] = [];
    const late = (event: number) => heard.push(`late ${event}`);
    const removed = (event: number) => heard.push(`removed ${event}`);
    listeners.add('c', (event) => {
      heard.push(`first ${event}`);
      listeners.remove('c', removed);
      listeners.add('c', late);
    });
    listeners.add('c', removed);
    listeners.deliver('c', 1);
    listeners.deliver('c', 2);
    expect(heard).toEqual(['first 1', 'first 2', 'late 2']);
  });
});
