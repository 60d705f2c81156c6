/**
 * The background's message handlers under WXT's fake browser: each test gets a fresh messaging
 * module (the library allows one listener per message type and context), a fresh database, and
 * sends real messages through @webext-core/messaging to the handlers it registered.
 */
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GovCheckDB } from '../../../lib/store/db';

export interface Background {
  db: GovCheckDB;
  /** lib/messages' sendMessage of the same module instance the handlers registered with */
  send: typeof import('../../../lib/messages').sendMessage;
  /**
   * Delivers a message as if a tab's content script sent it (runtime.sendMessage carries no tab
   * in the fake browser): invokes the registered root listener with that sender.
   */
  fromTab<T>(type: string, data: unknown, tab: Partial<chrome.tabs.Tab>): Promise<T>;
  close(): Promise<void>;
}

export async function startBackground(): Promise<Background & { modules: { scan: typeof import('../../../entrypoints/background/scan'); capture: typeof import('../../../entrypoints/background/capture'); crawl: typeof import('../../../entrypoints/background/crawl'); spam: typeof import('../../../entrypoints/background/spam') } }> {
  fakeBrowser.reset();
  vi.resetModules();
  const messages = await import('../../../lib/messages');
  const modules = {
    scan: await import('../../../entrypoints/background/scan'),
    capture: await import('../../../entrypoints/background/capture'),
    crawl: await import('../../../entrypoints/background/crawl'),
    spam: await import('../../../entrypoints/background/spam'),
  };
  const db = new GovCheckDB(`govcheck-bg-${crypto.randomUUID()}`);
  return {
    db,
    modules,
    send: messages.sendMessage,
    async fromTab<T>(type: string, data: unknown, tab: Partial<chrome.tabs.Tab>): Promise<T> {
      let respond!: (r: { res?: T; err?: { message: string } }) => void;
      const answer = new Promise<{ res?: T; err?: { message: string } }>((r) => (respond = r));
      const message = { id: 1, type, data, timestamp: Date.now() };
      const handled: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, { tab: tab as never }, respond as never);
      if (!handled.includes(true)) throw new Error(`no handler answered ${type}`);
      const { res, err } = await answer;
      if (err) throw new Error(err.message);
      return res as T;
    },
    async close() {
      await db.delete();
    },
  };
}
