import type { RequestTask } from '../../../../domain/processes.ts';
import { useI18n } from '../../i18n.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

/** Fulfilment tasks of a request, one per party (PARTY-3: forwarded to a third party by that party's desk). */
export function TasksTable({ tasks }: { tasks: RequestTask[] }) {
  const { t, formatDate } = useI18n();
  if (tasks.length === 0) return <p className="muted">{t('details.request.noTasks')}</p>;
  return (
    <DataTable
      className="grid grid--compact"
      caption={t('details.request.tasks')}
      columns={[
        t('common.party'),
        t('details.task.status'),
        t('details.task.thirdParty'),
        t('details.by'),
        t('details.at'),
        t('details.note'),
      ]}
    >
      {tasks.map((task) => (
        <tr key={task.party}>
          <th scope="row">{task.party}</th>
          <td>
            <span className={`badge badge--status badge--task-${task.status}`}>{t(`details.task.${task.status}`)}</span>
          </td>
          <td>{task.thirdParty ?? <span className="muted">—</span>}</td>
          <td>{task.doneBy ?? <span className="muted">—</span>}</td>
          <td className="nowrap">
            {task.doneAt ? (
              <time dateTime={task.doneAt}>{formatDate(task.doneAt)}</time>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
          <td className="prose">{task.note ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
