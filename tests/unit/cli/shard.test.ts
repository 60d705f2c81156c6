import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../../cli/shard';

const keys = Array.from({ length: 400 }, (_, i) => `www.site${i}.gov.cn`);

describe('--shard i/n', () => {
  it('parses i/n and rejects an index that is not below the count', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('4/4')).toThrow('--shard 的序号应小于总数（0 到 3）：4/4');
    expect(() => parseShard('0/0')).toThrow('总数至少为 1');
    expect(() => parseShard('1of4')).toThrow('--shard 需要“序号/总数”');
  });

  it('every site lands in exactly one shard, and the shards share the list out evenly', () => {
    const n = 4;
    const counts = Array(n).fill(0);
    for (const k of keys) {
      const owners = Array.from({ length: n }, (_, index) => inShard(k, { index, count: n })).filter(Boolean);
      expect(owners).toHaveLength(1);
      counts[shardOf(k, n)]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(70); // 100 each on average
  });

  it('is stable: the same key, the same shard, whatever else is in the list', () => {
    const before = keys.map((k) => shardOf(k, 5));
    const more = [...keys, 'www.new-site.gov.cn', 'www.another.gov.cn'];
    expect(more.slice(0, keys.length).map((k) => shardOf(k, 5))).toEqual(before);
    // a fixed value: a change of hash would silently reshuffle every running deployment
    expect(shardOf('www.yichun.gov.cn', 4)).toBe(1);
  });

  it('no --shard: every site is in', () => {
    expect(keys.every((k) => inShard(k, undefined))).toBe(true);
  });
});
