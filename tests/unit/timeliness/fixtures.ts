import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SITE, modelFromHtml } from '../../helpers/load-page';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel, Settings } from '../../../lib/types';

export const TODAY = '2026-11-23';
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, today: TODAY };
export const OWN = path.resolve(import.meta.dirname, '../../fixtures/timeliness');

/** One of our own fixtures in tests/fixtures/timeliness. */
export function own(file: string, today = TODAY): PageModel {
  return modelFromHtml(readFileSync(path.join(OWN, file), 'utf8'), `https://www.example.gov.cn/t/${file}`, today).model;
}

/** A demo-site page, served as www.demo-county.gov.cn. */
export function demo(file: string): PageModel {
  return modelFromHtml(readFileSync(path.join(DEMO_SITE, file), 'utf8'), `https://www.demo-county.gov.cn/${file}`, TODAY).model;
}

export const DEMO_PAGES = [
  'index.html',
  'sitemap.html',
  'xwdt/index.html',
  'xwdt/2026-11-20-harvest.html',
  'xwdt/2026-11-18-hero.html',
  'xwdt/2026-11-10-meeting.html',
  'tzgg/index.html',
  'tzgg/2026-10-15-fire.html',
  'tzgg/2024-12-20-firecheck.html',
  'tzgg/2025-01-08-notice.html',
  'zcwj/index.html',
  'about/lxwm.html',
];

export const REAL_PAGES: [file: string, host: string][] = [
  ['govcn-gazette-2007.html', 'www.gov.cn'],
  ['shanxi-news-2019.html', 'www.shanxi.gov.cn'],
  ['zjdpc-news-2016.html', 'www.zjdpc.gov.cn'],
  ['cmse-news-2012.html', 'www.cmse.gov.cn'],
  ['wanzai-bulletin-2015.html', 'www.wanzai.gov.cn'],
  ['wanzai-bulletin-2022.html', 'www.wanzai.gov.cn'],
  ['yichun-bulletin-2022.html', 'www.yichun.gov.cn'],
  ['yichun-jiangxi-bulletin-2022.html', 'www.yichun.gov.cn'],
  ['kepu-news-2023.html', 'www.kepu.gov.cn'],
];
