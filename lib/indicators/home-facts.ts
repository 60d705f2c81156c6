/**
 * What the home-page indicator checks read from raw HTML: forms with their fields, links with
 * their text, the visible text. htmlparser2 runs anywhere (a service worker has no DOMParser);
 * the page's markup is only read, never run.
 */
import { Parser } from 'htmlparser2';

export interface FormField {
  name: string;
  type: string;
  value: string;
  placeholder: string;
}

export interface FormFacts {
  action: string;
  method: 'get' | 'post';
  fields: FormField[];
  /** the form's own text and attributes (ids, classes), lower-cased, for 搜索 hints */
  hints: string;
}

export interface LinkFacts {
  href: string;
  text: string;
}

export interface HomeFacts {
  title: string;
  forms: FormFacts[];
  /** text inputs outside any form (script-driven search boxes) */
  looseInputs: FormField[];
  links: LinkFacts[];
  /** visible text, whitespace squashed */
  text: string;
  /** the charset a <meta> declares, lower-cased ('' when none) */
  charset: string;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template']);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function homeFacts(html: string): HomeFacts {
  const facts: HomeFacts = { title: '', forms: [], looseInputs: [], links: [], text: '', charset: '' };
  const text: string[] = [];
  let skip = 0;
  let inTitle = false;
  let form: FormFacts | null = null;
  let link: { href: string; text: string[]; title: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skip++;
        if (name === 'title') inTitle = true;
        if (name === 'form') {
          form = { action: attrs.action ?? '', method: (attrs.method ?? '').toLowerCase() === 'post' ? 'post' : 'get', fields: [], hints: `${attrs.id ?? ''} ${attrs.class ?? ''} ${attrs.name ?? ''} ${attrs.action ?? ''}`.toLowerCase() };
          facts.forms.push(form);
        }
        if (name === 'input') {
          const field = { name: attrs.name ?? '', type: (attrs.type ?? 'text').toLowerCase(), value: attrs.value ?? '', placeholder: attrs.placeholder ?? attrs.title ?? '' };
          if (form) {
            form.fields.push(field);
            form.hints += ` ${field.name} ${field.placeholder} ${attrs.id ?? ''} ${attrs.class ?? ''}`.toLowerCase();
          } else facts.looseInputs.push({ ...field, placeholder: `${field.placeholder} ${attrs.id ?? ''} ${attrs.class ?? ''} ${field.name}` });
        }
        if (name === 'meta' && !facts.charset) facts.charset = (attrs.charset ?? /charset\s*=\s*([\w-]+)/i.exec(attrs.content ?? '')?.[1] ?? '').toLowerCase();
        if (name === 'a' && attrs.href) link = { href: attrs.href, text: [], title: attrs.title ?? '' };
      },
      ontext(data) {
        if (inTitle) facts.title += data;
        if (skip) return;
        text.push(data);
        if (link) link.text.push(data);
        if (form) form.hints += ` ${data.toLowerCase()}`;
      },
      onclosetag(name) {
        if (SKIP.has(name)) skip = Math.max(0, skip - 1);
        if (name === 'title') inTitle = false;
        if (name === 'form') form = null;
        if (name === 'a' && link) {
          facts.links.push({ href: link.href, text: squash(link.text.join('')) || squash(link.title) });
          link = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  facts.title = squash(facts.title);
  facts.text = squash(text.join(' '));
  return facts;
}

/** Visible text of a page's HTML, squashed (search result pages). */
export function visibleText(html: string): string {
  return homeFacts(html).text;
}
