import { useRef, useState, type DragEvent } from 'react';
import { api, uploadFile } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { Attachment, TicketDetail } from '../../../contract/schemas.ts';
import { SENSITIVITIES, sensitivityRank } from '../../../domain/sensitivity.ts';
import { SensitivityBadge } from '../ui/badges.tsx';
import { FormError, useErrorText } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { Options } from '../ui/form/inputs.tsx';

export type { Attachment };

interface Upload {
  key: string;
  name: string;
  progress: number;
  error?: string;
  done?: boolean;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * TKT-7 on the ticket page: the files the reader is cleared for (the server lists no others),
 * downloads, and uploads — several at once, dropped or chosen, each with its progress — at a
 * sensitivity between the ticket's and the user's clearance.
 */
export function AttachmentsPanel({
  detail,
  onChanged,
  files,
}: {
  detail: TicketDetail;
  onChanged: () => Promise<void>;
  files: ReturnType<typeof useGet<{ items: Attachment[] }>>;
}) {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const allowed = SENSITIVITIES.slice(sensitivityRank(detail.sensitivity), sensitivityRank(user.clearance) + 1);
  const [sensitivity, setSensitivity] = useState<string>(detail.sensitivity);
  const mayAttach = detail.allowedActions.includes('comment');
  const base = `/tickets/${encodeURIComponent(detail.ref)}/attachments`;

  async function send(list: FileList | File[]) {
    const chosen = [...list];
    const batch = chosen.map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, name: file.name, progress: 0 }));
    setUploads((previous) => [...batch, ...previous]);
    const update = (key: string, patch: Partial<Upload>) =>
      setUploads((previous) => previous.map((u) => (u.key === key ? { ...u, ...patch } : u)));
    await Promise.all(
      chosen.map(async (file, i) => {
        const key = batch[i]!.key;
        try {
          await uploadFile(`${base}/upload?${new URLSearchParams({ name: file.name, sensitivity })}`, file, (p) =>
            update(key, { progress: p }),
          );
          update(key, { progress: 1, done: true });
        } catch (error) {
          update(key, { error: errorText(error) });
        }
      }),
    );
    await files.reload();
    await onChanged();
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) void send(event.dataTransfer.files);
  }

  return (
    <section className="card block" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <FormError error={files.error} />
      {files.data && files.data.items.length === 0 && <p>{t('attachments.none')}</p>}
      {files.data && files.data.items.length > 0 && (
        <DataTable
          className="grid grid--compact"
          columns={[
            t('attachments.name'),
            t('attachments.type'),
            t('attachments.size'),
            t('attachments.sensitivity'),
            t('attachments.added'),
          ]}
        >
          {files.data.items.map((f) => (
            <tr key={f.id}>
              <td>
                <a href={`/api/v1${base}/${f.id}`} download={f.name}>
                  {f.name}
                </a>
              </td>
              <td className="mono">{f.mediaType}</td>
              <td>{size(f.size)}</td>
              <td>
                <SensitivityBadge sensitivity={f.sensitivity} />
              </td>
              <td>
                {formatDate(f.createdAt)} ({f.party})
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {mayAttach && (
        <div className="attachments__upload">
          <label>
            {t('attachments.sensitivity')}{' '}
            <select value={sensitivity} onChange={(e) => setSensitivity(e.target.value)}>
              <Options values={allowed} label={(level) => t(`sensitivity.${level}`)} />
            </select>
          </label>
          <div
            className={`dropzone${dragging ? ' dropzone--active' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
            data-testid="dropzone"
          >
            <p>{t('attachments.drop')}</p>
            <button type="button" className="btn" onClick={() => input.current?.click()}>
              {t('attachments.choose')}
            </button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              aria-label={t('attachments.choose')}
              onChange={(e) => {
                if (e.target.files?.length) void send(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
          {uploads.length > 0 && (
            <ul className="uploads" aria-live="polite">
              {uploads.map((u) => (
                <li key={u.key}>
                  {u.name}{' '}
                  {u.error ? (
                    <span className="alert--error" role="alert">
                      {u.error}
                    </span>
                  ) : u.done ? (
                    t('attachments.uploaded')
                  ) : (
                    <progress max={1} value={u.progress} aria-label={t('attachments.progress', { name: u.name })} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** COL-2: an answer to the requester by e-mail, as a shared comment, with files they may receive. */
export function EmailReplyForm({
  detail,
  files,
  onSent,
}: {
  detail: TicketDetail;
  files: Attachment[];
  onSent: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  if (!detail.reporterEmail || !detail.allowedActions.includes('comment')) return null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await api.post(`/tickets/${encodeURIComponent(detail.ref)}/email-replies`, {
        body,
        attachmentIds: chosen,
        version: detail.version,
      });
      setBody('');
      setChosen([]);
      setSent(true);
      await onSent();
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  }

  return (
    <section className="card block" aria-labelledby="email-reply-title">
      <h2 id="email-reply-title">{t('emailReply.title', { to: detail.reporterEmail })}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('emailReply.hint')}</p>
        <label htmlFor="email-reply-body">{t('emailReply.body')}</label>
        <textarea id="email-reply-body" required rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
        {files.length > 0 && (
          <fieldset>
            <legend>{t('emailReply.attachments')}</legend>
            {files.map((f) => (
              <label key={f.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(f.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, f.id] : c.filter((id) => id !== f.id)))}
                />{' '}
                {f.name} <SensitivityBadge sensitivity={f.sensitivity} />
              </label>
            ))}
          </fieldset>
        )}
        <FormError error={error} />
        {sent && <p role="status">{t('emailReply.sent')}</p>}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('emailReply.send')}
        </button>
      </form>
    </section>
  );
}
