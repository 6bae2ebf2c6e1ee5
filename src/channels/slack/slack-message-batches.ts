import type { CardReply, ListReply, Reply } from '../../core/reply.js';
import { type BlockKitTexts, renderAllBlocks } from './render-block-kit.js';

/** Slack refuses a message of more than 50 blocks. */
const BLOCKS_PER_MESSAGE = 50;

/**
 * The replies grouped into the messages that post them, in order: as many replies as
 * fit in one message's 50 blocks. A list too long for one message is cut into lists
 * that each fit (its buttons stay with the last), so it is not cut short; any other
 * single reply over the limit is shortened by the renderer.
 */
export function messageBatches(replies: readonly Reply[], texts: BlockKitTexts): Reply[][] {
  const out: Reply[][] = [];
  let current: Reply[] = [];
  for (const reply of replies.flatMap((r) => inFittingParts(r, texts))) {
    const next = [...current, reply];
    if (current.length > 0 && !fits(next, texts)) {
      out.push(current);
      current = [reply];
    } else {
      current = next;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function fits(replies: readonly Reply[], texts: BlockKitTexts): boolean {
  return renderAllBlocks(replies, texts).length <= BLOCKS_PER_MESSAGE;
}

function inFittingParts(reply: Reply, texts: BlockKitTexts): Reply[] {
  if (reply.type !== 'list' || fits([reply], texts)) return [reply];
  const parts: ListReply[] = [];
  let items: CardReply[] = [];
  for (const item of reply.items) {
    const next = [...items, item];
    // Measured with the list's buttons, which only the last part carries: that one fits too.
    if (items.length > 0 && !fits([{ ...reply, items: next }], texts)) {
      parts.push({ ...reply, items, actions: [] });
      items = [item];
    } else {
      items = next;
    }
  }
  parts.push({ ...reply, items });
  return parts;
}
