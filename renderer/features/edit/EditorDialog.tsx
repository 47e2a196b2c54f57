/**
 * The built-in text editor (browser mode): a large modal around the CodeMirror text area. Ctrl/Cmd+S
 * or "Save and upload" writes the copy and uploads it, through the same conflict check as the
 * desktop's editors; the status line says whether the text is modified, saved, uploaded or waiting.
 * Closing with unsaved typing asks first. Loaded lazily with CodeMirror, so the main bundle does
 * not carry either.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Modal } from '../../components/dialogs/Modal';
import { hasUnuploadedChanges, type EditInfo } from '../../../shared/edit';
import { describeError } from '../../../shared/errorText';
import { useDialogs } from '../../stores/dialogStore';
import { useEdits, type EditorDoc } from '../../stores/editStore';
import { editorStatusText } from './editStatus';
import { createTextEditor, type TextEditor } from './textEditor';

/** Props of the editor of one file. */
interface FileEditorProps {
  doc: EditorDoc;
  edit: EditInfo | undefined;
}

/** Shown while a file is open in the built-in editor. */
export default function EditorDialog() {
  const doc = useEdits((s) => s.editor);
  const edit = useEdits((s) => s.edits.find((e) => e.id === s.editor?.editId));
  if (!doc) return null;
  return <FileEditor key={doc.editId} doc={doc} edit={edit} />;
}

function FileEditor({ doc, edit }: FileEditorProps) {
  const titleId = useId();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<TextEditor | null>(null);
  const [isDirty, setDirty] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = edit?.name ?? '';
  const save = useRef<() => void>(() => undefined);

  // After the modal opened (its effect runs first, as a child's does), so the text can take the focus.
  useLayoutEffect(() => {
    if (!host.current) return;
    editor.current = createTextEditor(host.current, {
      text: doc.text.text,
      lineSeparator: doc.text.lineSeparator,
      fileName: name,
      label: `Text of ${name}`,
      onDirty: setDirty,
      onSave: () => save.current(),
    });
    editor.current.focus();
    return () => {
      editor.current?.destroy();
      editor.current = null;
    };
    // One editor per file (the component is keyed by the edit); a reload arrives below.
  }, []);

  // The server's version was loaded into the copy ("keep theirs" and reload).
  useEffect(() => {
    if (doc.version > 1) editor.current?.replace(doc.text.text, doc.text.lineSeparator);
  }, [doc.version]);

  save.current = async () => {
    const current = editor.current;
    if (!current || isSaving) return;
    const snapshot = current.snapshot();
    setSaving(true);
    setProblem(null);
    const { error } = await useEdits.getState().save(doc.editId, snapshot.text);
    setSaving(false);
    // Only an encoding refusal leaves the copy as it was; after any other failure the copy holds the text.
    if (error?.kind !== 'edit-encoding') current.markSaved(snapshot);
    if (error) setProblem(describeError(error));
  };

  const close = async () => {
    if (isDirty) {
      const isDiscarded = await useDialogs.getState().confirm({
        title: 'Discard changes?',
        message: `${name} has changes that are not saved. Close the editor and lose them?`,
        confirmLabel: 'Discard changes',
        isDangerous: true,
      });
      if (!isDiscarded) return;
    }
    const edits = useEdits.getState();
    const latest = edits.edits.find((e) => e.id === doc.editId);
    // A copy whose saved changes did not reach the server stays in the list of files being edited.
    if (latest && hasUnuploadedChanges(latest)) {
      edits.closeEditor();
      edits.tell({ text: `${name} keeps its changes that were not uploaded: the list of files being edited has it`, isError: false, editId: doc.editId });
      return;
    }
    const error = await edits.close(doc.editId);
    if (error) setProblem(describeError(error));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Escape closing the editor's search panel must not close the editor too.
    if (e.key === 'Escape' && e.defaultPrevented) e.stopPropagation();
    // Ctrl/Cmd+S from the buttons as well as from the text.
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save.current();
    }
  };

  const status = editorStatusText(edit, isDirty, isSaving);
  return (
    <Modal labelledBy={titleId} className="editor-dialog" onCancel={() => void close()}>
      <div className="editor-frame" onKeyDown={onKeyDown}>
        <header className="editor-header">
          <h2 id={titleId}>{name}</h2>
          <span className="editor-where" title={edit?.remotePath}>
            {edit ? `${edit.server}${edit.remotePath}` : ''}
          </span>
        </header>
        <div className="editor-text" ref={host} />
        <footer className="editor-footer">
          <span className={`editor-status${problem || edit?.state === 'conflict' ? ' is-error' : isDirty ? ' is-modified' : ''}`} role="status" data-state={isDirty ? 'dirty' : edit?.state}>
            {problem ?? status}
          </span>
          <span className="editor-hint">Ctrl+S saves and uploads · Ctrl+F finds · Ctrl+M, then Tab, leaves the text</span>
          <button type="button" onClick={() => void close()}>
            Close
          </button>
          <button type="button" className="is-primary" disabled={isSaving} onClick={() => void save.current()}>
            Save and upload
          </button>
        </footer>
      </div>
    </Modal>
  );
}
