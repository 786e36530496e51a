// An article's or a good model's text on a public page: the Markdown-lite tree (news.rules.ts) rendered by React,
// which escapes every string; links only to http(s) or this site, marked nofollow when they leave it.
import type { Block, Inline } from '../news.rules.js';
import { parseBody } from '../news.rules.js';

function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((x, i) => {
        switch (x.t) {
          case 'strong': return <strong key={i}>{x.text}</strong>;
          case 'em': return <em key={i}>{x.text}</em>;
          case 'link': return x.href.startsWith('/') ? <a key={i} href={x.href}>{x.text}</a> : <a key={i} href={x.href} rel="nofollow noopener">{x.text}</a>;
          default: return <span key={i}>{x.text}</span>;
        }
      })}
    </>
  );
}

function BlockView({ b }: { b: Block }) {
  switch (b.t) {
    case 'h': return b.level === 2 ? <h2><Inlines items={b.inlines} /></h2> : <h3><Inlines items={b.inlines} /></h3>;
    case 'ul': return <ul>{b.items.map((it, i) => <li key={i}><Inlines items={it} /></li>)}</ul>;
    case 'ol': return <ol>{b.items.map((it, i) => <li key={i}><Inlines items={it} /></li>)}</ol>;
    case 'quote': return <blockquote><Inlines items={b.inlines} /></blockquote>;
    default: return <p><Inlines items={b.inlines} /></p>;
  }
}

/** The body's blocks, in an element the stylesheet gives reading measure. */
export function Body({ text, lang }: { text: string; lang?: string }) {
  return <div className="prose" lang={lang}>{parseBody(text).map((b, i) => <BlockView key={i} b={b} />)}</div>;
}
