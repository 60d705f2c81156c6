/** Types of scripts/chromium.mjs (plain JS so it runs before dependencies are installed). */
export function findChromium(): string;
export function ensureChromium(opts?: { quiet?: boolean }): string;
