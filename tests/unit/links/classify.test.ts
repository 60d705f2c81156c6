import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { classifyBody, classifyErrorStatus, classifyNetworkError, classifyStatus, hasFileSignature, notFoundSign, titleOf } from '../../../lib/links/classify';
import { REAL } from '../../helpers/load-page';

const enc = (s: string) => new TextEncoder().encode(s);
const page = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const as200 = (html: string, kind: 'link' | 'attachment' | 'image' = 'link', extra: Partial<Parameters<typeof classifyBody>[0]> = {}) =>
  classifyBody({ kind, contentType: 'text/html; charset=utf-8', prefix: enc(html), complete: true, finalUrl: 'http://x.gov.cn/a.html', redirected: false, ...extra });

/** every real government page in the fixtures: live pages, whatever their titles and texts say */
const REAL_PAGES = [
  ...readdirSync(path.join(REAL, 'pages')).map((f) => path.join(REAL, 'pages', f)),
  ...readdirSync(path.join(REAL, 'policy')).filter((f) => f.endsWith('.html')).map((f) => path.join(REAL, 'policy', f)),
];

describe('classification: precision on real pages', () => {
  it('has the real pages to look at', () => {
    expect(REAL_PAGES.length).toBeGreaterThanOrEqual(69);
  });

  it.each(REAL_PAGES.map((p) => [path.basename(p), p]))('%s answered 200 is ok', (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    expect(classifyBody({ kind: 'link', contentType: 'text/html', prefix: bytes.subarray(0, 65536), complete: bytes.length <= 65536, finalUrl: 'http://www.gov.cn/zhengce/content.htm', redirected: true }).verdict).toBe('ok');
  });

  it('real article pages sent with status 404 are only suspect (a visitor still reads them)', () => {
    // the saved whole pages; the policy files are untitled fragments, which a 404 may well be
    for (const file of REAL_PAGES.filter((f) => f.includes(`${path.sep}pages${path.sep}`))) {
      const bytes = new Uint8Array(readFileSync(file));
      expect(classifyErrorStatus(404, { prefix: bytes.subarray(0, 65536), contentType: 'text/html', complete: bytes.length <= 65536 }).verdict, file).toBe('suspect');
    }
  });

  it('short live pages that mention interception or a captcha stay ok', () => {
    expect(as200(page('我县拦截诈骗电话1200余次', '<p>反诈中心本月成功拦截诈骗电话1200余次。</p>'))).toMatchObject({ verdict: 'ok' });
    expect(as200(page('用户登录_政务服务网', '<form>用户名 密码 验证码 <button>登录</button></form>'))).toMatchObject({ verdict: 'ok' });
  });

  it('short notices that say something "不存在" or "已删除" are not error pages', () => {
    expect(as200(page('关于网站信息核查情况的说明', '<p>经核查，该文件不存在违规情况，涉及的违规信息已删除，第三条已被删除。</p>'))).toMatchObject({ verdict: 'ok' });
  });

  it('a title quoting a number 404 is not an error page', () => {
    expect(as200(page('中华人民共和国国务院令第404号_国务院公报', '<p>' + '条例正文'.repeat(400) + '</p>')).verdict).toBe('ok');
    expect(as200(page('《办法》第十二条已被删除的说明', '<p>' + '修订说明'.repeat(400) + '</p>')).verdict).toBe('ok');
    expect(as200(page('找不到工作怎么办？人社部门帮你想办法', '<p>' + '就业服务'.repeat(400) + '</p>')).verdict).toBe('ok');
  });
});

describe('classification: what is dead', () => {
  it('soft 404 by title, by a short body, by an error-page address after a redirect', () => {
    expect(as200(page('404 Not Found', '')).reason).toBe('soft-404');
    expect(as200(page('页面不存在 - 某某市人民政府', '<p>返回首页</p>')).reason).toBe('soft-404');
    expect(as200(page('某某市人民政府', '<div>对不起，您访问的页面不存在或已被删除！</div>')).reason).toBe('soft-404');
    expect(as200(page('某某市人民政府', '<p>欢迎</p>'), 'link', { redirected: true, finalUrl: 'http://x.gov.cn/404.htm' }).reason).toBe('soft-404');
    expect(as200(page('某某市人民政府', '<p>欢迎</p>'), 'link', { redirected: false, finalUrl: 'http://x.gov.cn/404.htm' }).verdict).toBe('ok');
  });

  it('the body phrase counts only on a short page', () => {
    const long = page('关于政务公开的通知', '<p>' + '正文内容'.repeat(500) + '</p><p>如您访问的页面不存在，请联系管理员</p>');
    expect(as200(long).verdict).toBe('ok');
  });

  it('reads a GBK page in its own charset', () => {
    // "页面不存在" in GBK
    const gbk = new Uint8Array([0xd2, 0xb3, 0xc3, 0xe6, 0xb2, 0xbb, 0xb4, 0xe6, 0xd4, 0xda]);
    const html = new Uint8Array([...enc('<html><head><meta charset="gbk"><title>'), ...gbk, ...enc('</title></head><body></body></html>')]);
    expect(classifyBody({ kind: 'link', contentType: 'text/html', prefix: html, complete: true, finalUrl: 'http://x/', redirected: false }).reason).toBe('soft-404');
  });

  it('a file answered with an HTML error page is dead; with a firewall page suspect; a real file ok', () => {
    expect(as200(page('系统错误', '<p>附件已过期</p>'), 'attachment')).toMatchObject({ verdict: 'dead', reason: 'file-error-page' });
    expect(as200(page('404', ''), 'image')).toMatchObject({ verdict: 'dead', reason: 'file-error-page' });
    expect(as200(page('安全验证', '<p>请完成滑动验证</p>'), 'attachment')).toMatchObject({ verdict: 'suspect', reason: 'blocked' });
    expect(classifyBody({ kind: 'attachment', contentType: 'text/html', prefix: enc('%PDF-1.7\n...'), complete: true, finalUrl: 'http://x/a.pdf', redirected: false }).verdict).toBe('ok');
    expect(hasFileSignature(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe(true); // docx/xlsx/ofd
    expect(hasFileSignature(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe(true); // doc/xls/wps
    expect(hasFileSignature(enc('<!DOCTYPE html>'))).toBe(false);
  });

  it('statuses and network errors', () => {
    expect(classifyStatus(404).verdict).toBe('dead');
    expect(classifyStatus(410).verdict).toBe('dead');
    for (const s of [401, 403, 408, 429, 500, 502, 503, 504]) expect(classifyStatus(s)).toMatchObject({ verdict: 'suspect', recheck: true });
    expect(classifyStatus(400)).toMatchObject({ verdict: 'suspect', recheck: false });
    const err = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    expect(classifyNetworkError(err('ENOTFOUND'), false, 15000).reason).toBe('no-such-host');
    expect(classifyNetworkError(err('ECONNREFUSED'), false, 15000).reason).toBe('refused');
    for (const c of ['EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED']) expect(classifyNetworkError(err(c), false, 15000).verdict).toBe('suspect');
    expect(classifyNetworkError(new Error('aborted'), true, 15000)).toMatchObject({ reason: 'timeout', message: '15 秒无响应，需复查' });
  });

  it('titleOf decodes entities; notFoundSign names what it saw', () => {
    expect(titleOf('<title>A &amp; B&#65;</title>')).toBe('A & BA');
    expect(notFoundSign({ title: 'Error 404', shortText: '' }, '', false)).toBe('Error 404');
  });
});
