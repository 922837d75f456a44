import { useState, type FormEvent } from 'react';
import type { ChatMessage } from '../../../services/rooms';
import { useI18n } from '../../platform';

/** The room's chat, kept with the consultation; late joiners see what was said before they came. */
export function ChatPanel({ messages, onSend }: { messages: ChatMessage[]; onSend(text: string): void }) {
  const { t, dateTime } = useI18n();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  };
  return (
    <section aria-labelledby="chat-title" className="chat">
      <h2 id="chat-title">{t('room.chat')}</h2>
      <ol className="chat-log" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id}>
            <strong>{m.displayName}</strong> <small>{dateTime(m.at)}</small>
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit}>
        <label htmlFor="chat-input" className="visually-hidden">{t('room.chatMessage')}</label>
        <textarea id="chat-input" rows={2} maxLength={4000} value={text} placeholder={t('room.chatMessage')}
          onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('room.send')}</button>
      </form>
    </section>
  );
}
