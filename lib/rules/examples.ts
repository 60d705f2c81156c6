/**
 * The pages of the rule examples: a body fragment becomes a whole page at a gov.cn article URL;
 * a whole document (<!DOCTYPE or <html) is kept. The registry test and the rule docs build their
 * page models from these, with today pinned to EXAMPLE_TODAY.
 */
import type { RuleExample } from './define';

export const EXAMPLE_TODAY = '2026-11-23';
export const EXAMPLE_URL = 'https://www.example.gov.cn/art/2026/11/20/art_1_1.html';

export function examplePage(ex: RuleExample): { html: string; url: string } {
  const { html, url = EXAMPLE_URL } = typeof ex === 'string' ? { html: ex } : ex;
  const whole = /^\s*(<!doctype|<html)/i.test(html);
  return {
    html: whole ? html : `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例页面</title></head><body>${html}</body></html>`,
    url,
  };
}
