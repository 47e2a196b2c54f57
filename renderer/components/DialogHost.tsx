/** Shows the first waiting dialog of the dialog store; mounted once at the top of the window. */
import { useDialogs } from '../stores/dialogStore';
import { ConfirmDialog } from './dialogs/ConfirmDialog';
import { DialogFrame } from './dialogs/DialogFrame';
import { TextDialog } from './dialogs/TextDialog';

/** Renders nothing while no dialog waits. */
export function DialogHost() {
  const request = useDialogs((s) => s.queue[0]);
  const settle = useDialogs((s) => s.settle);
  if (!request) return null;
  switch (request.kind) {
    case 'text':
      return <TextDialog key={request.id} options={request.options} onDone={(v) => settle(request.id, v)} />;
    case 'confirm':
      return <ConfirmDialog key={request.id} options={request.options} onDone={(v) => settle(request.id, v)} />;
    case 'custom': {
      const { Content } = request;
      return (
        <DialogFrame key={request.id} title={request.title} onCancel={() => settle(request.id, null)}>
          <Content close={(v) => settle(request.id, v)} />
        </DialogFrame>
      );
    }
  }
}
