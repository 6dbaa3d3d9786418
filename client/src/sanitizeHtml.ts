/**
 * An allow-list sanitiser for the HTML that markdown-it renders from Berth's own docs: only structural
 * tags survive, no attributes except a safe `href` on links (https, http, in-page anchors, and Berth's
 * doc commands). Anything else, raw HTML in the markdown included, is dropped.
 */
import { DOC_COMMANDS } from './docLinks';

const ALLOWED_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'em', 'strong', 'blockquote',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 'del', 's', 'span', 'div',
]);

/** Elements whose content is dropped with them. */
const DROPPED_WITH_CONTENT = /<(script|style|iframe|object|embed|template|noscript|textarea|title)\b[\s\S]*?<\/\1\s*>/gi;

export function safeHref(raw: string): string | undefined {
  const href = raw.replace(/&amp;/g, '&').trim();
  if (/^https?:\/\//i.test(href) || href.startsWith('#')) return raw;
  const command = /^command:([\w.]+)(\?|$)/.exec(href);
  if (command && DOC_COMMANDS.includes(command[1]!)) return raw;
  return undefined;
}

export function sanitizeHtml(html: string): string {
  return html
    .replace(DROPPED_WITH_CONTENT, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g, (_whole, slash: string, name: string, attrs: string) => {
      const tag = name.toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) return '';
      if (slash) return `</${tag}>`;
      if (tag === 'a') {
        const match = /\shref\s*=\s*"([^"]*)"/i.exec(attrs);
        const href = match ? safeHref(match[1]!) : undefined;
        return href ? `<a href="${href}">` : '<a>';
      }
      return `<${tag}>`;
    })
    // A stray "<" that did not form an allowed tag cannot open one.
    .replace(/<(?!\/?(?:[a-z][a-z0-9]*)[ >])/g, '&lt;');
}
