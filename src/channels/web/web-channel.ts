import type { Channel } from '../../core/channel.js';
import { createTranscriptChannel } from '../../core/transcript-channel.js';
import type { HttpServer } from '../../http/http-server.js';
import { mountStaticFiles, webPublicFolder } from './static-files.js';
import { mountWebChatApi, type WebChatOptions } from './web-chat-api.js';

/**
 * The local web chat: the JSON API and the chat page. Proactive messages need no
 * push here: the page polls /api/chat/:conversation/updates, which reads the transcript.
 */
export function mountWebChannel(http: HttpServer, options: WebChatOptions): Channel {
  mountWebChatApi(http, options);
  mountStaticFiles(http, webPublicFolder, { '/': 'index.html' });
  return createTranscriptChannel('web');
}
