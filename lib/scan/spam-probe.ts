/**
 * One cheap look at the document for spam traces the text walk cannot see:
 * - junk scaffolding: runs of empty elements of different tags sharing one random id
 *   (<legend id="h4sia"></legend><samp id="h4sia"></samp>…), left by link-farm injectors;
 * - links inside [hidden] subtrees, which the collector skips (it never reads them as text).
 */
import type { SpamProbe } from '../types';
import { externalHost } from '../hosts';
import vocab from '../data/spam-vocabulary.json';

const MAX_ID_ELEMENTS = 20000;
const MAX_HIDDEN_LINKS = 50;

/** Never throws: an odd document gives an empty probe, never a failed scan. */
export function probeSpam(doc: Document, pageHost: string): SpamProbe {
  try {
    return probe(doc, pageHost);
  } catch {
    return { junk: [], hiddenAttrLinks: [] };
  }
}

function probe(doc: Document, pageHost: string): SpamProbe {
  const groups = new Map<string, { count: number; tags: Set<string> }>();
  const withId = doc.querySelectorAll('[id]');
  const n = Math.min(withId.length, MAX_ID_ELEMENTS);
  for (let i = 0; i < n; i++) {
    const el = withId[i]!;
    if (el.firstChild) continue;
    const id = el.id;
    if (!/^[a-z0-9]{3,10}$/i.test(id)) continue;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { count: 0, tags: new Set() }));
    g.count++;
    g.tags.add(el.tagName.toLowerCase());
  }
  const j = vocab.junk;
  const junk = [...groups]
    .filter(([, g]) => g.count >= j.minElements && g.tags.size >= j.minTags)
    .map(([id, g]) => ({ id, count: g.count, tags: [...g.tags].slice(0, 6) }));

  const hiddenAttrLinks: SpamProbe['hiddenAttrLinks'] = [];
  // from the (few) [hidden] elements down: a descendant selector would test every link on the page
  const inHidden = new Set<Element>();
  for (const h of Array.from(doc.querySelectorAll('[hidden]'))) {
    if (inHidden.size >= MAX_HIDDEN_LINKS * 4) break;
    // nested [hidden] elements would list the same link twice
    for (const a of Array.from(h.querySelectorAll('a[href], area[href]'))) inHidden.add(a);
  }
  for (const a of inHidden) {
    if (hiddenAttrLinks.length >= MAX_HIDDEN_LINKS) break;
    let href = '';
    try {
      href = new URL(a.getAttribute('href') || '', doc.baseURI || undefined).href;
    } catch {
      continue;
    }
    if (!externalHost(href, pageHost)) continue;
    hiddenAttrLinks.push({ href, text: (a.textContent || '').trim().slice(0, 200) });
  }
  return { junk, hiddenAttrLinks };
}
