/**
 * Generated pages of many small inline elements (issue 12): the shapes where anything that styles
 * or observes every element while the page parses shows up as a slower DOMContentLoaded.
 */
export type LoadShape = 'flat' | 'nested';

export interface LoadPage {
  name: string;
  shape: LoadShape;
  elements: number;
  html: string;
}

const FOOTER = `<div id="footer"><p>主办单位：某市人民政府办公室</p><p>网站标识码：3609000001　赣ICP备05004123号</p></div>`;

/**
 * flat: `<span>第N项</span>` siblings in one block; nested: `<li><span>第N项</span></li>` in one list.
 * Both end with a gov footer, as the page in the issue did.
 */
export function generateLoadPage(shape: LoadShape, elements: number): LoadPage {
  const parts: string[] = [];
  for (let i = 1; i <= elements; i++) parts.push(shape === 'flat' ? `<span>第${i}项</span>` : `<li><span>第${i}项</span></li>`);
  const body = shape === 'flat' ? `<div class="list">${parts.join('')}</div>` : `<ul class="list">${parts.join('\n')}</ul>`;
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>第${elements}项列表_某市人民政府</title></head><body>${body}${FOOTER}</body></html>\n`;
  return { name: `${shape}-${elements / 1000}k`, shape, elements, html };
}
