/**
 * Replies are data; each channel renders them with one pure renderer.
 * Text uses a small markdown subset: **bold**, _italic_, [label](url), line breaks.
 */
export interface Action {
  readonly label: string;
  /** Posted back as the inbound message's `value` when clicked. */
  readonly value?: Readonly<Record<string, unknown>>;
  /** A link button instead of a postback. */
  readonly url?: string;
  readonly style?: 'primary' | 'danger';
}

export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface TextReply {
  readonly type: 'text';
  readonly text: string;
}

export interface CardReply {
  readonly type: 'card';
  readonly title: string;
  readonly subtitle?: string;
  readonly body?: string;
  readonly url?: string;
  readonly fields: readonly Field[];
  readonly actions: readonly Action[];
}

export interface ChoicesReply {
  readonly type: 'choices';
  readonly prompt: string;
  readonly choices: readonly Action[];
}

export interface FormInput {
  readonly id: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'select' | 'toggle' | 'email-list' | 'number';
  readonly required: boolean;
  readonly value?: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export interface FormReply {
  readonly type: 'form';
  readonly id: string;
  readonly title: string;
  readonly inputs: readonly FormInput[];
  readonly submit: Action;
  readonly cancel?: Action;
  /** Validation errors by input id, shown next to the inputs. */
  readonly errors?: Readonly<Record<string, string>>;
}

export interface NoticeReply {
  readonly type: 'notice';
  readonly level: 'info' | 'success' | 'warning' | 'error';
  readonly text: string;
}

export interface ListReply {
  readonly type: 'list';
  readonly title: string;
  readonly items: readonly CardReply[];
  /** Pagination, e.g. a "More" button. */
  readonly actions: readonly Action[];
}

export type Reply = TextReply | CardReply | ChoicesReply | FormReply | NoticeReply | ListReply;

/** Plain text of a reply, for transcripts, logs and text-only channels. */
export function replyToPlainText(reply: Reply): string {
  switch (reply.type) {
    case 'text':
    case 'notice':
      return reply.text;
    case 'choices':
      return `${reply.prompt} [${reply.choices.map((c) => c.label).join(' | ')}]`;
    case 'card':
      return [reply.title, reply.subtitle, reply.body, ...reply.fields.map((f) => `${f.label}: ${f.value}`)]
        .filter(Boolean)
        .join('\n');
    case 'list':
      return [
        reply.title,
        ...reply.items.map((i) => `- ${i.title}${i.subtitle ? ` (${i.subtitle})` : ''}`),
      ].join('\n');
    case 'form':
      return `${reply.title}: ${reply.inputs.map((i) => i.label).join(', ')}`;
  }
}
