import { cloneElement, Fragment, type ReactElement, type ReactNode } from 'react';

/**
 * Splits a translated sentence with simple, unnested tags, such as "<value>13</value> of 26
 * cells fire", into text and elements: each `<name>…</name>` becomes `components[name]` with
 * that text as its child. A tag with no component stays as plain text. Nothing is parsed as
 * HTML: the sentence's text only ever becomes text nodes.
 */
export function richText(sentence: string, components: Readonly<Record<string, ReactElement>>): ReactNode[] {
  const parts: ReactNode[] = [];
  const tag = /<([a-zA-Z][\w-]*)>([^<]*)<\/\1>/g;
  let from = 0;
  for (let match = tag.exec(sentence); match; match = tag.exec(sentence)) {
    if (match.index > from) parts.push(sentence.slice(from, match.index));
    const element = components[match[1]];
    parts.push(element ? cloneElement(element, { key: parts.length }, match[2]) : match[0]);
    from = tag.lastIndex;
  }
  if (from < sentence.length) parts.push(sentence.slice(from));
  return parts;
}

export interface RichTextProps {
  /** The translation function of the component's namespace. */
  readonly t: (key: string, values?: Record<string, unknown>) => string;
  readonly i18nKey: string;
  readonly values?: Record<string, unknown>;
  readonly components: Readonly<Record<string, ReactElement>>;
}

/** A translated sentence with a few words marked up (bold figures, a highlighted result). */
export function RichText({ t, i18nKey, values, components }: RichTextProps) {
  return <Fragment>{richText(t(i18nKey, values), components)}</Fragment>;
}
