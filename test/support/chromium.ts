import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where `.ci/run` installs Chromium (Debian's package); browser tests are skipped without it. */
export const CHROMIUM = '/usr/bin/chromium';

/** True when the browser tests can run on this machine. */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** A headless Chromium that makes no requests of its own (updates, sync, first-run pages). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
