'use client';

import { NOT_TOLD_LABELS, NOT_TOLD_REASONS } from '@/lib/fulfilment/recipient-rules';
import { TASK_STATUS_LABELS, TASK_TYPE_LABELS } from '@/lib/fulfilment/task-types';
import {
  assignTaskAction,
  attachFileAction,
  closeNotifyTaskAction,
  closeOpenTasksAction,
  closeTaskAction,
  retryTaskAction,
  updateTaskAction,
} from '../../../fulfilment-actions';
import {
  ActionButton,
  ActionFeedback,
  SelectField,
  TextAreaField,
  useStaffForms,
  fieldErrors,
} from '../../../staff-form';

export type TaskView = {
  id: string;
  systemName: string;
  type: keyof typeof TASK_TYPE_LABELS;
  status: keyof typeof TASK_STATUS_LABELS;
  automated: boolean;
  assigneeId: string | null;
  change: string | null;
  checklist: { label: string; done: boolean }[];
  result: string | null;
  summary: string | null;
  lastError: string | null;
  closedReason: string | null;
  attachments: { id: string; fileName: string; size: number }[];
};

const ACTIONS = {
  attachFile: attachFileAction,
  closeOpenTasks: closeOpenTasksAction,
  assignTask: assignTaskAction,
  updateTask: updateTaskAction,
  retryTask: retryTaskAction,
  closeTask: closeTaskAction,
  closeNotifyTask: closeNotifyTaskAction,
};

const NOT_TOLD_OPTIONS = NOT_TOLD_REASONS.map((value) => ({ value, label: NOT_TOLD_LABELS[value] }));

/** One card per system task: what it is, its state, and what the viewer may do with it. */
export function RequestTasks({
  requestId,
  tasks,
  people,
  canWork,
  canClose,
}: {
  requestId: string;
  tasks: TaskView[];
  people: { value: string; label: string }[];
  canWork: boolean;
  canClose: boolean;
}) {
  const form = useStaffForms(ACTIONS);
  if (tasks.length === 0)
    return <p className="admin-muted">No tasks. Tasks are created, one per relevant system, when work starts.</p>;
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      <ul className="admin-tasks">
        {tasks.map((task) => {
          const finished = task.status === 'done' || task.status === 'closed';
          const manualWork = canWork && !finished && (!task.automated || task.status === 'failed');
          const p = `task-${task.id.slice(0, 8)}`;
          return (
            <li key={task.id} className="admin-action" aria-labelledby={`${p}-title`}>
              <h3 id={`${p}-title`}>
                {task.systemName}: {TASK_TYPE_LABELS[task.type]}
              </h3>
              <p>
                <strong>{TASK_STATUS_LABELS[task.status]}</strong> · {task.automated ? 'Connector' : 'Manual'}
              </p>
              {task.change && <p className="admin-prewrap">Requested change: {task.change}</p>}
              {task.summary && <p>{task.summary}</p>}
              {task.lastError && <p className="admin-notice admin-notice--error">Connector failed: {task.lastError}</p>}
              {task.closedReason && <p>Closed without being done: {task.closedReason}</p>}
              {task.result && finished && <p className="admin-prewrap">{task.result}</p>}
              {manualWork && (
                <form
                  method="post"
                  onSubmit={form.onSubmit}
                  noValidate
                  className="admin-stack"
                  data-intent="updateTask"
                >
                  <input type="hidden" name="taskId" value={task.id} />
                  <input type="hidden" name="requestId" value={requestId} />
                  {task.checklist.length > 0 && (
                    <fieldset className="admin-field">
                      <legend>Checklist</legend>
                      {task.checklist.map((item, i) => (
                        <div className="admin-choice" key={i}>
                          <input
                            type="checkbox"
                            id={`${p}-step-${i}`}
                            name="done"
                            value={i}
                            defaultChecked={item.done}
                          />
                          <label htmlFor={`${p}-step-${i}`}>{item.label}</label>
                        </div>
                      ))}
                    </fieldset>
                  )}
                  <TextAreaField
                    id={`${p}-result`}
                    name="result"
                    label="Result"
                    hint="What was done, and anything kept and why (legal retention)."
                    defaultValue={task.result ?? ''}
                    maxLength={10_000}
                    errors={fieldErrors(form.outcome, 'updateTask', 'result')}
                  />
                  <div className="admin-row">
                    <ActionButton intent="updateTask" form={form} variant="secondary" pendingLabel="Saving…">
                      Save progress
                    </ActionButton>
                    <button
                      type="submit"
                      name="finish"
                      value="true"
                      className="admin-button admin-button--primary"
                      disabled={form.pending}
                    >
                      Mark done
                    </button>
                  </div>
                </form>
              )}
              {task.attachments.length > 0 && (
                <ul>
                  {task.attachments.map((a) => (
                    <li key={a.id}>
                      {a.fileName} ({Math.max(1, Math.round(a.size / 1024))} KB)
                    </li>
                  ))}
                </ul>
              )}
              {manualWork && (
                <form method="post" onSubmit={form.onSubmit} className="admin-inline-form">
                  <input type="hidden" name="taskId" value={task.id} />
                  <input type="hidden" name="requestId" value={requestId} />
                  <div className="admin-field">
                    <label htmlFor={`${p}-file`}>Attach a file</label>
                    <input type="file" id={`${p}-file`} name="file" />
                  </div>
                  <ActionButton intent="attachFile" form={form} variant="secondary" pendingLabel="Attaching…">
                    Attach
                  </ActionButton>
                </form>
              )}
              {canWork && !finished && (
                <form method="post" onSubmit={form.onSubmit} className="admin-inline-form">
                  <input type="hidden" name="taskId" value={task.id} />
                  <input type="hidden" name="requestId" value={requestId} />
                  <SelectField
                    id={`${p}-assignee`}
                    name="assigneeId"
                    label="Task assigned to"
                    options={[{ value: '', label: 'Nobody' }, ...people]}
                    defaultValue={task.assigneeId ?? ''}
                  />
                  <ActionButton intent="assignTask" form={form} variant="secondary" pendingLabel="Saving…">
                    Assign task
                  </ActionButton>
                </form>
              )}
              {canWork && task.automated && task.status === 'failed' && (
                <form method="post" onSubmit={form.onSubmit} className="admin-inline-form">
                  <input type="hidden" name="taskId" value={task.id} />
                  <input type="hidden" name="requestId" value={requestId} />
                  <ActionButton intent="retryTask" form={form} variant="secondary" pendingLabel="Retrying…">
                    Run the connector again
                  </ActionButton>
                </form>
              )}
              {canWork && !finished && task.type === 'notify_recipient' && (
                <details>
                  <summary>Not telling this recipient</summary>
                  <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
                    <input type="hidden" name="taskId" value={task.id} />
                    <input type="hidden" name="requestId" value={requestId} />
                    <SelectField
                      id={`${p}-ground`}
                      name="ground"
                      label="Why"
                      options={NOT_TOLD_OPTIONS}
                      placeholder="Choose why"
                      errors={fieldErrors(form.outcome, 'closeNotifyTask', 'ground')}
                    />
                    <TextAreaField
                      id={`${p}-not-told-reason`}
                      name="reason"
                      label="Explanation"
                      hint="Recorded in the audit log; where the law requires it (California third parties) the requester reads it."
                      maxLength={2000}
                      errors={fieldErrors(form.outcome, 'closeNotifyTask', 'reason')}
                    />
                    <ActionButton intent="closeNotifyTask" form={form} variant="warning" pendingLabel="Saving…">
                      Record that it is not told
                    </ActionButton>
                  </form>
                </details>
              )}
              {canClose && !finished && (
                <details>
                  <summary>Close without doing it</summary>
                  <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
                    <input type="hidden" name="taskId" value={task.id} />
                    <input type="hidden" name="requestId" value={requestId} />
                    <TextAreaField
                      id={`${p}-reason`}
                      name="reason"
                      label="Reason"
                      hint="Recorded in the audit log."
                      maxLength={2000}
                      errors={fieldErrors(form.outcome, 'closeTask', 'reason')}
                    />
                    <ActionButton intent="closeTask" form={form} variant="warning" pendingLabel="Closing…">
                      Close task
                    </ActionButton>
                  </form>
                </details>
              )}
            </li>
          );
        })}
      </ul>
      {canClose && tasks.some((t) => t.status !== 'done' && t.status !== 'closed') && (
        <details className="admin-action">
          <summary>Close every open task</summary>
          <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
            <input type="hidden" name="requestId" value={requestId} />
            <TextAreaField
              id="close-all-reason"
              name="reason"
              label="Reason"
              hint="Recorded in the audit log for each task."
              maxLength={2000}
              errors={fieldErrors(form.outcome, 'closeOpenTasks', 'reason')}
            />
            <ActionButton intent="closeOpenTasks" form={form} variant="warning" pendingLabel="Closing…">
              Close open tasks
            </ActionButton>
          </form>
        </details>
      )}
    </>
  );
}
