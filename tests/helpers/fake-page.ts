import type { PageModel } from '../../lib/types';
import { foldText } from '../../lib/text/normalise';

/** A PageModel built by hand around `text`, for rule tests that need no DOM. */
export function fakePage(text: string, extra: Partial<PageModel> = {}, footerStart?: number): PageModel {
  return {
    url: 'https://www.example.gov.cn/a.html',
    host: 'www.example.gov.cn',
    title: '',
    text,
    footer: footerStart === undefined ? null : { start: footerStart, end: text.length, text: text.slice(footerStart) },
    footerHtml: '',
    meta: {},
    links: [],
    scripts: [],
    images: [],
    dates: [],
    pubDate: null,
    pubDateSource: null,
    metaPubDate: null,
    pageType: 'article',
    folded: foldText(extra.text ?? text),
    main: null,
    notes: [],
    ...extra,
  };
}
