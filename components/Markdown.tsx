import type { ComponentChildren } from 'preact';

// The little Markdown our own documents use (PRIVACY.md): headings, paragraphs, lists, **bold**,
// `code`. Built as elements, never as HTML, so the text can hold anything.

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(match[1] !== undefined ? <strong>{match[1]}</strong> : <code>{match[2]}</code>);
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Renders Markdown text; the first heading becomes the page's h1. */
export function Markdown({ text }: { text: string }) {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return (
    <>
      {blocks.map((block, i) => {
        const heading = /^(#{1,3}) (.+)$/.exec(block.trim());
        if (heading) {
          const level = heading[1]?.length ?? 1;
          const Tag = (['h1', 'h2', 'h3'] as const)[level - 1] ?? 'h3';
          return <Tag key={i}>{inline(heading[2] ?? '')}</Tag>;
        }
        if (/^- /.test(block)) {
          const items = block
            .split(/\n- /)
            .map((item) => item.replace(/^- /, '').replace(/\n\s+/g, ' '));
          return (
            <ul key={i}>
              {items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{inline(block.replace(/\n/g, ' '))}</p>;
      })}
    </>
  );
}
