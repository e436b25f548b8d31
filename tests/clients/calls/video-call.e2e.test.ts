import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { collectPageErrors, FAKE_MEDIA_ARGS, saveScreenshot } from '../../support/browser.js';
import { FIXTURE_PASSWORD } from '../../support/fixtures.js';
import { chat, conversationOf, eventually, fillPrechat, launcher, startWidgetScene, type WidgetScene } from '../widget/widget-scene.js';

/**
 * A video call end to end (issue 21): two Chromium contexts with fake camera and microphone,
 * the pharmacist in the dashboard, the customer in the widget on the example store page
 * (another origin). WebRTC's host candidates connect on localhost without STUN or TURN.
 */

/**
 * Every RTCPeerConnection a page (or its frames) makes, so the test can read their stats, and
 * every tone it starts (the widget's ring when a call invites the customer).
 */
const RECORD_PEERS = `(() => {
  const Native = window.RTCPeerConnection;
  window.__peers = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__peers.push(this); }
  };
  window.__tones = 0;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (...args) { window.__tones += 1; return createOscillator.apply(this, args); };
})();`;

// Runs in the page: DOM types are not in the test build.
const inboundVideo = async (): Promise<{ framesDecoded: number; connection: string }> => {
  const peers = ((globalThis as any).__peers as any[]).filter((peer) => peer.connectionState !== 'closed');
  const peer = peers[peers.length - 1];
  if (!peer) return { framesDecoded: 0, connection: 'none' };
  let framesDecoded = 0;
  (await peer.getStats()).forEach((report: any) => {
    if (report.type === 'inbound-rtp' && report.kind === 'video') framesDecoded += report.framesDecoded ?? 0;
  });
  return { framesDecoded, connection: peer.connectionState };
};
const sentVideoLabel = (): string => {
  const peers = ((globalThis as any).__peers as any[]).filter((peer) => peer.connectionState !== 'closed');
  const sender = peers[peers.length - 1]?.getSenders().find((candidate: any) => candidate.track?.kind === 'video');
  return sender?.track?.label ?? '';
};
const sentAudioEnabled = (): boolean => {
  const peers = ((globalThis as any).__peers as any[]).filter((peer) => peer.connectionState !== 'closed');
  const sender = peers[peers.length - 1]?.getSenders().find((candidate: any) => candidate.track?.kind === 'audio');
  return Boolean(sender?.track?.enabled);
};

/** Frames decoded from the other side, growing: the remote video is live. */
async function expectLiveVideo(where: Page | Frame, name: string) {
  const first = await eventually(async () => {
    const stats = await where.evaluate(inboundVideo);
    expect([name, stats.connection]).toEqual([name, 'connected']);
    expect(stats.framesDecoded).toBeGreaterThan(0);
    return stats.framesDecoded;
  }, 20_000);
  await eventually(async () => expect((await where.evaluate(inboundVideo)).framesDecoded).toBeGreaterThan(first + 10), 10_000);
  return first;
}

let scene: WidgetScene;
beforeAll(async () => {
  scene = await startWidgetScene({ browserArgs: FAKE_MEDIA_ARGS });
}, 60_000);
afterAll(() => scene?.dispose());

describe('a video call from the dashboard to the widget', () => {
  let staffContext: BrowserContext;
  let customerContext: BrowserContext;
  afterAll(async () => {
    await staffContext?.close();
    await customerContext?.close();
  });

  it('connects both sides with live video, mutes, shares the screen, and ends on both sides with the duration in the thread', async () => {
    // The customer starts a chat on the store page.
    customerContext = await scene.browser.newContext({ viewport: { width: 390, height: 844 } });
    await customerContext.addInitScript(RECORD_PEERS);
    const store = await customerContext.newPage();
    const customerErrors = collectPageErrors(store);
    await store.goto(scene.store.url);
    await launcher(store).click();
    const frame = chat(store);
    await fillPrechat(frame, 'Vera Video', 'vera@example.com');
    const box = frame.getByRole('textbox', { name: 'Message' });
    await box.fill('Can you look at my rash?');
    await box.press('Enter');
    await frame.locator('.cc-own:not(.cc-pending)').getByText('Can you look at my rash?').waitFor();
    const { id: conversationId } = await eventually(() => conversationOf(scene, 'Vera Video'));

    // The pharmacist opens the thread and starts a call.
    staffContext = await scene.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await staffContext.addInitScript(RECORD_PEERS);
    const dashboard = await staffContext.newPage();
    const staffErrors = collectPageErrors(dashboard);
    await dashboard.goto(`${scene.gateway.url}/dashboard/conversations/${conversationId}`);
    await dashboard.getByLabel('Email').fill(scene.pharmacy.pharmacist.email);
    await dashboard.getByLabel('Password').fill(FIXTURE_PASSWORD);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await dashboard.locator('.message', { hasText: 'Can you look at my rash?' }).waitFor();
    await dashboard.getByRole('button', { name: 'Video call' }).click();
    const panel = dashboard.getByRole('region', { name: 'Video call' });
    await panel.getByTestId('call-status').filter({ hasText: /Ringing|checking camera/ }).waitFor({ timeout: 10_000 });

    // The customer is invited in the thread with a ring, checks camera and microphone, and joins.
    await frame.getByRole('button', { name: 'Join video call' }).waitFor({ timeout: 10_000 });
    const invitedFrame = store.frames().find((candidate) => candidate.url().includes('/widget/'))!;
    await eventually(async () => expect(await invitedFrame.evaluate(() => (globalThis as any).__tones as number)).toBe(2), 5_000);
    await frame.getByRole('button', { name: 'Join video call' }).click();
    await frame.getByRole('heading', { name: 'Check your camera and microphone' }).waitFor({ timeout: 10_000 });
    await panel.getByTestId('call-status').filter({ hasText: 'The customer is checking camera and microphone' }).waitFor({ timeout: 10_000 });
    await frame.getByRole('button', { name: 'Join now' }).click();

    const widgetFrame = store.frames().find((candidate) => candidate.url().includes('/widget/'))!;
    await expectLiveVideo(dashboard, 'dashboard');
    await expectLiveVideo(widgetFrame, 'widget');
    await panel.getByTestId('call-status').filter({ hasText: 'Connected' }).waitFor();
    await frame.getByTestId('call-status').filter({ hasText: 'Connected' }).waitFor();
    await saveScreenshot(dashboard, 'video-call-dashboard');
    await saveScreenshot(store, 'video-call-widget-phone');

    // Mute: the pharmacist's microphone track stops, and the customer is told.
    await panel.getByRole('button', { name: 'Mute microphone' }).click();
    expect(await dashboard.evaluate(sentAudioEnabled)).toBe(false);
    await frame.getByText('Microphone off').waitFor({ timeout: 5_000 });
    await panel.getByRole('button', { name: 'Unmute microphone' }).click();
    expect(await dashboard.evaluate(sentAudioEnabled)).toBe(true);
    await frame.getByText('Microphone off').waitFor({ state: 'hidden', timeout: 5_000 });

    // Screen sharing replaces the camera's track; the customer keeps receiving video.
    const cameraLabel = await dashboard.evaluate(sentVideoLabel);
    await panel.getByRole('button', { name: 'Share screen' }).click();
    await panel.getByRole('button', { name: 'Stop sharing' }).waitFor({ timeout: 10_000 });
    expect(await dashboard.evaluate(sentVideoLabel)).not.toBe(cameraLabel);
    await frame.getByTestId('remote-sharing').waitFor({ timeout: 5_000 });
    await expectLiveVideo(widgetFrame, 'widget, screen');
    await panel.getByRole('button', { name: 'Stop sharing' }).click();
    await eventually(async () => expect(await dashboard.evaluate(sentVideoLabel)).toBe(cameraLabel));

    // Hanging up ends the call on both sides, and the thread says how long it took.
    await panel.getByRole('button', { name: 'End call' }).click();
    await panel.getByTestId('call-status').filter({ hasText: /Call ended · \d+:\d\d/ }).waitFor({ timeout: 10_000 });
    await frame.getByTestId('call-status').filter({ hasText: /Call ended · \d+:\d\d/ }).waitFor({ timeout: 10_000 });
    await dashboard.locator('.system-message', { hasText: /Video call ended · \d+:\d\d/ }).waitFor({ timeout: 10_000 });
    await frame.getByRole('button', { name: 'Close', exact: true }).click();
    await frame.locator('.cc-system', { hasText: /Video call ended · \d+:\d\d/ }).waitFor({ timeout: 10_000 });
    await frame.getByRole('button', { name: 'Join video call' }).waitFor({ state: 'detached', timeout: 10_000 });

    const calls = await scene.gateway.dataSource.query(`SELECT state, answered_at IS NOT NULL AS answered FROM call WHERE conversation_id = $1`, [conversationId]);
    expect(calls).toEqual([{ state: 'ENDED', answered: true }]);
    expect(staffErrors.filter((error) => !/favicon/.test(error))).toEqual([]);
    expect(customerErrors.filter((error) => !/favicon/.test(error))).toEqual([]);
  }, 120_000);

  it('says so when the browser blocks camera and microphone, and lets the pharmacist end the call', async () => {
    const started = await scene.gateway.graphql(`mutation { startConversation(input: { subject: "Blocked camera" }) { id } }`, {}, scene.pharmacy.tokens.customer);
    const conversationId = started.data.startConversation.id as string;
    const context = await scene.browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      // As a browser does when the person said no (or a policy forbids it).
      await context.addInitScript(`navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));`);
      const dashboard = await context.newPage();
      await dashboard.goto(`${scene.gateway.url}/dashboard/conversations/${conversationId}`);
      await dashboard.getByLabel('Email').fill(scene.pharmacy.admin.email);
      await dashboard.getByLabel('Password').fill(FIXTURE_PASSWORD);
      await dashboard.getByRole('button', { name: 'Sign in' }).click();
      await dashboard.getByRole('button', { name: 'Video call' }).click({ timeout: 10_000 });
      const panel = dashboard.getByRole('region', { name: 'Video call' });
      await panel.getByRole('alert').filter({ hasText: 'Camera and microphone are blocked' }).waitFor({ timeout: 10_000 });
      await panel.getByRole('button', { name: 'End call' }).click();
      await panel.waitFor({ state: 'detached', timeout: 10_000 });
      const calls = await scene.gateway.dataSource.query(`SELECT state FROM call WHERE conversation_id = $1`, [conversationId]);
      expect(calls).toEqual([{ state: 'ENDED' }]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
