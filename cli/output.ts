import type { Writable } from 'node:stream';

/**
 * Writes all of `text` and resolves once the stream has handed it to the OS: a pipe takes 64 KiB
 * at a time, and whatever is still queued when the process ends is lost.
 */
export function writeFully(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // a reader that stopped early (`| head`) wants no more: not a failure of the scan
    const done = (err?: Error | null) => (!err || (err as NodeJS.ErrnoException).code === 'EPIPE' ? resolve() : reject(err));
    // the error comes both to the callback and as an 'error' event after it: both are handled
    stream.once('error', done);
    stream.write(text, done);
  });
}
