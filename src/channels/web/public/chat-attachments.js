// Files picked in the composer, as the API's attachments ({ name, mimeType, contentBase64 }),
// checked against its limits before anything is sent.
import { t } from './chat-texts.js';

/**
 * The files as attachments, or `{ problem }`: the sentence saying why nothing can be sent.
 * `limits` is the page setup's (null when it could not be read: the server checks then).
 */
export async function readAttachments(files, limits) {
  if (limits) {
    if (files.length > limits.maxAttachments)
      return { problem: t('attachment.too_many', { max: limits.maxAttachments }) };
    const big = files.find((f) => f.size > limits.maxFileBytes);
    if (big) {
      return {
        problem: t('attachment.too_big', {
          name: big.name,
          size: formatSize(big.size),
          max: formatSize(limits.maxFileBytes),
        }),
      };
    }
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > limits.maxTotalFileBytes) {
      return {
        problem: t('attachment.too_big_together', {
          size: formatSize(total),
          max: formatSize(limits.maxTotalFileBytes),
        }),
      };
    }
  }
  const attachments = [];
  for (const f of files) {
    const contentBase64 = await base64Of(f).catch(() => null);
    if (contentBase64 === null) return { problem: t('attachment.unreadable', { name: f.name }) };
    attachments.push({ name: f.name, mimeType: f.type || 'application/octet-stream', contentBase64 });
  }
  return { attachments };
}

/** A file's bytes as base64, read by the browser (no string of the whole file built by hand). */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** 1.4 MB, 300 KB, 12 B. */
export function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
