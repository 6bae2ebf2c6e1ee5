import { addressLink } from '../../text/address-link.js';

/**
 * Text shown as typed where an Adaptive Card reads markdown (a TextBlock, a fact's value):
 * the characters that would make it bold, italic, struck through, code or a link are
 * backslash-escaped, so a ticket subject "[confirm your details](https://…)" is no link.
 */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]]/g, (c) => `\\${c}`);
}

/**
 * A card field's value: plain text (it is often what a user typed), except a value that is
 * only a link labelled with its own address (a partner's website, "[acme.com](https://www.acme.com/)"),
 * which stays a link: its label hides nothing.
 */
export function factText(value: string): string {
  return addressLink(value) ? value.trim() : escapeCardMarkdown(value);
}
