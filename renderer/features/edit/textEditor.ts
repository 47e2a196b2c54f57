/**
 * The built-in editor's text area on CodeMirror 6: line numbers, undo history, search, bracket
 * matching, syntax highlighting by file extension (token classes styled by edit.css in both
 * themes), the file's own line breaks kept, Ctrl/Cmd+S to save, and whether the text differs
 * from what was last saved. Loaded only with the editor dialog, never in the main bundle.
 */
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { classHighlighter } from '@lezer/highlight';
import type { LineSeparator } from '../../../shared/edit';
import { languageFor } from './languages';

/** What the editor starts with and whom it tells. */
export interface TextEditorOptions {
  text: string;
  lineSeparator: LineSeparator;
  fileName: string;
  /** The text area's accessible name. */
  label: string;
  /** Hears whether the text now differs from what was last saved. */
  onDirty(isDirty: boolean): void;
  /** Ctrl/Cmd+S. */
  onSave(): void;
}

/** The text at one moment, to mark as saved once the save succeeded. */
export interface TextSnapshot {
  readonly text: string;
  readonly doc: Text;
}

/** A running editor. */
export interface TextEditor {
  /** The text now, in the file's line breaks. */
  snapshot(): TextSnapshot;
  /** The text of `saved` is what the file holds now. */
  markSaved(saved: TextSnapshot): void;
  /** Replaces the whole text (the server's version was loaded); the history starts again. */
  replace(text: string, lineSeparator: LineSeparator): void;
  focus(): void;
  destroy(): void;
}

/** Colours from the window's own variables, so both themes follow. */
const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--panel)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', fontSize: '12.5px', lineHeight: '1.45' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--row-hover)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--row-selected)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-panels': { backgroundColor: 'var(--bg)', color: 'var(--text)' },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--warning) 30%, transparent)' },
});

/** Creates the editor in `parent`; the language's highlighting arrives when its pack has loaded. */
export function createTextEditor(parent: HTMLElement, options: TextEditorOptions): TextEditor {
  const language = new Compartment();
  let saved: Text;
  const stateOf = (text: string, lineSeparator: LineSeparator) =>
    EditorState.create({
      doc: text,
      extensions: [
        EditorState.lineSeparator.of(lineSeparator),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        syntaxHighlighting(classHighlighter),
        language.of([]),
        keymap.of([
          {
            key: 'Mod-s',
            preventDefault: true,
            run: () => {
              options.onSave();
              return true;
            },
          },
          ...defaultKeymap,
          ...historyKeymap,
          ...searchKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onDirty(!update.state.doc.eq(saved));
        }),
        theme,
      ],
    });
  const view = new EditorView({ parent, state: stateOf(options.text, options.lineSeparator) });
  saved = view.state.doc;
  let isDestroyed = false;
  const highlighting = languageFor(options.fileName);
  const highlight = () =>
    void highlighting.then((extension) => {
      if (extension && !isDestroyed) view.dispatch({ effects: language.reconfigure(extension) });
    });
  highlight();
  return {
    snapshot: () => ({ text: view.state.doc.toString(), doc: view.state.doc }),
    markSaved(snapshot) {
      saved = snapshot.doc;
      options.onDirty(!view.state.doc.eq(saved));
    },
    replace(text, lineSeparator) {
      view.setState(stateOf(text, lineSeparator));
      saved = view.state.doc;
      highlight();
      options.onDirty(false);
    },
    focus: () => view.focus(),
    destroy: () => {
      isDestroyed = true;
      view.destroy();
    },
  };
}
