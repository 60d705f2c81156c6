/**
 * `--shard i/n`: a deterministic share of the site list for one of n machines. A site's shard is
 * a stable hash of its normalised URL (sites.ts siteKey) mod n, so adding or removing a site
 * moves no other site between shards.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard 需要“序号/总数”，例如 --shard 0/4（序号从 0 开始）：${text}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new Error(`--shard 的总数至少为 1：${text}`);
  if (index >= count) throw new Error(`--shard 的序号应小于总数（0 到 ${count - 1}）：${text}`);
  return { index, count };
}

/** Which of `count` shards the site with this key belongs to. */
export function shardOf(key: string, count: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % count;
}

export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(key, shard.count) === shard.index;
}
