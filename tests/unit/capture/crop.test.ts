import { describe, it, expect } from 'vitest';
import { planCrop } from '../../../lib/capture/crop';

const IMG = { width: 1280, height: 900 };

describe('planCrop (screenshot area around the captured spot)', () => {
  it('keeps the target with a margin and at least the minimum size, outline at the target', () => {
    const p = planCrop({ x: 600, y: 400, width: 40, height: 20 }, IMG, 1);
    expect(p.crop.width).toBeGreaterThanOrEqual(720);
    expect(p.crop.height).toBeGreaterThanOrEqual(360);
    // the outline (target + pad) lies inside the crop, at the right place
    expect(p.crop.x + p.outline.x).toBe(596);
    expect(p.crop.y + p.outline.y).toBe(396);
    expect(p.outline.width).toBe(48);
    expect(p.outline.x).toBeGreaterThan(0);
    expect(p.outline.x + p.outline.width).toBeLessThan(p.crop.width);
  });

  it('slides the crop inside the image near an edge instead of shrinking it', () => {
    const p = planCrop({ x: 5, y: 880, width: 30, height: 16 }, IMG, 1);
    expect(p.crop.x).toBe(0);
    expect(p.crop.y + p.crop.height).toBe(900);
    expect(p.crop.height).toBeGreaterThanOrEqual(360);
  });

  it('scales with the device pixel ratio', () => {
    const p = planCrop({ x: 100, y: 100, width: 50, height: 20 }, { width: 2560, height: 1800 }, 2);
    expect(p.crop.width).toBeGreaterThanOrEqual(1440);
    expect(p.lineWidth).toBe(6);
    expect(p.crop.x + p.outline.x).toBe(192);
  });

  it('never exceeds the image, even for a target larger than the viewport', () => {
    const p = planCrop({ x: -50, y: -100, width: 2000, height: 3000 }, IMG, 1);
    expect(p.crop).toEqual({ x: 0, y: 0, width: 1280, height: 900 });
  });
});
