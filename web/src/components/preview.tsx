// A client-side preview of Markdown for the composer. It builds Preact
// elements from a small subset (paragraphs, headings, lists, quotes, code,
// **bold**, *italic*, `code`, links, #tags, @mentions) and never produces an
// HTML string, so hostile input stays text. The server's rendering is the
// real one; this is an approximation shown before posting.
import type { ComponentChildren } from 'preact';

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|(?:^|(?<=\s))#[\p{L}\p{N}_-]+|(?:^|(?<=\s))@[a-z][a-z0-9_]{2,29})/gu;

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const token = m[0];
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    last = at + token.length;
    if (token.startsWith('**')) out.push(<strong>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) out.push(<code>{token.slice(1, -1)}</code>);
    else if (token.startsWith('*')) out.push(<em>{token.slice(1, -1)}</em>);
    else if (token.startsWith('[')) {
      const split = token.indexOf('](');
      const label = token.slice(1, split);
      const href = token.slice(split + 2, -1);
      out.push(/^https?:\/\//i.test(href) ? <span class="preview-link" title={href}>{label}</span> : label);
    } else if (token.startsWith('#')) out.push(<span class="tag">{token}</span>);
    else out.push(<span class="mention">{token}</span>);
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function MarkdownPreview({ text }: { text: string }) {
  const blocks: ComponentChildren[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) code.push(lines[i++]);
      i++;
      blocks.push(<pre><code>{code.join('\n')}</code></pre>);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(heading[1].length + 2, 6);
      const H = `h${level}` as 'h3';
      blocks.push(<H>{inline(heading[2])}</H>);
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const entries: ComponentChildren[] = [];
      while (i < lines.length && /^\s*([-*+]|\d+\.)\s+/.test(lines[i])) {
        entries.push(<li>{inline(lines[i].replace(/^\s*([-*+]|\d+\.)\s+/, ''))}</li>);
        i++;
      }
      blocks.push(ordered ? <ol>{entries}</ol> : <ul>{entries}</ul>);
      continue;
    }
    if (line.startsWith('>')) {
      const quote: string[] = [];
      while (i < lines.length && lines[i].startsWith('>')) quote.push(lines[i++].replace(/^>\s?/, ''));
      blocks.push(<blockquote>{inline(quote.join(' '))}</blockquote>);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+\.)\s)/.test(lines[i])) para.push(lines[i++]);
    blocks.push(<p>{inline(para.join(' '))}</p>);
  }
  return <div class="prose preview">{blocks}</div>;
}
