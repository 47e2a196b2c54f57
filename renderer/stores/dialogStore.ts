/**
 * In-app dialogs (Electron has no `window.prompt`/`confirm`): a queue of requests, each
 * resolved with the user's answer. `DialogHost` shows the first one. Holds no I/O.
 */
import { create } from 'zustand';
import type { ComponentType } from 'react';

/** Options of a one-line text question (new folder, rename). */
export interface AskTextOptions {
  title: string;
  label: string;
  initial?: string;
  confirmLabel?: string;
  /** Characters of `initial` to select at first (e.g. the base name without extension). */
  selectEnd?: number;
  /** A reason the answer cannot be used, shown under the field; null accepts it. */
  validate?(value: string): string | null;
}

/** Options of a yes/no question. */
export interface ConfirmOptions {
  title: string;
  message: string;
  /** Names listed under the message, e.g. what will be deleted. */
  items?: string[];
  confirmLabel?: string;
  /** Styles the confirm button as destructive. */
  isDangerous?: boolean;
}

/** Props given to the content of a custom dialog. */
export interface CustomDialogProps<T> {
  /** Closes the dialog with an answer (null means cancelled). */
  close(value: T | null): void;
}

/** A dialog waiting to be shown or answered. */
export type DialogRequest =
  | { id: number; kind: 'text'; options: AskTextOptions; resolve(value: string | null): void }
  | { id: number; kind: 'confirm'; options: ConfirmOptions; resolve(value: boolean): void }
  | { id: number; kind: 'custom'; title: string; Content: ComponentType<CustomDialogProps<unknown>>; resolve(value: unknown): void };

/** State and actions of the dialog queue. */
export interface DialogState {
  queue: DialogRequest[];
  askText(options: AskTextOptions): Promise<string | null>;
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** Shows `Content` in a dialog frame titled `title`; resolves with what it closes with. */
  custom<T>(title: string, Content: ComponentType<CustomDialogProps<T>>): Promise<T | null>;
  /** Answers the dialog `id` and removes it. */
  settle(id: number, value: unknown): void;
}

let nextId = 1;

/** The dialog store. */
export const useDialogs = create<DialogState>()((set, get) => {
  const enqueue = <T>(make: (id: number, resolve: (value: T) => void) => DialogRequest) =>
    new Promise<T>((resolve) => set({ queue: [...get().queue, make(nextId++, resolve)] }));
  return {
    queue: [],
    askText: (options) => enqueue<string | null>((id, resolve) => ({ id, kind: 'text', options, resolve })),
    confirm: (options) => enqueue<boolean>((id, resolve) => ({ id, kind: 'confirm', options, resolve })),
    custom: <T>(title: string, Content: ComponentType<CustomDialogProps<T>>) =>
      enqueue<T | null>((id, resolve) => ({
        id,
        kind: 'custom',
        title,
        Content: Content as ComponentType<CustomDialogProps<unknown>>,
        resolve: resolve as (value: unknown) => void,
      })),
    settle(id, value) {
      const request = get().queue.find((d) => d.id === id);
      if (!request) return;
      set({ queue: get().queue.filter((d) => d.id !== id) });
      (request.resolve as (v: unknown) => void)(value);
    },
  };
});
