// @vitest-environment happy-dom
/**
 * The pane as a component in happy-dom: rows with aria-selected, mouse selection, keyboard
 * through the registry, the delete confirmation in the dialog host, the context menu, chmod.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { setApiForTests } from '../../../renderer/api/getApi';
import { FilePane } from '../../../renderer/features/panes/FilePane';
import { DialogHost } from '../../../renderer/components/DialogHost';
import { ChmodEditor } from '../../../renderer/components/dialogs/ChmodDialog';
import { useLocalPane } from '../../../renderer/stores/localPane';
import { useDialogs } from '../../../renderer/stores/dialogStore';
import { fakeApi, type FakeApi } from './fakeApi';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom lays nothing out; the virtualiser renders rows only into a viewport with a size.
const sizes = { offsetHeight: 400, offsetWidth: 600, clientHeight: 400, clientWidth: 600 };
const saved = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes)) {
    saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  }
});

let fake: FakeApi;
let root: Root;
let container: HTMLDivElement;

const rows = () => [...container.querySelectorAll('.file-scroll [role=row]')];
const row = (name: string) => container.querySelector<HTMLElement>(`.file-scroll [role=row][data-name="${name}"]`)!;
const selected = () => rows().filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.getAttribute('data-name'));
const grid = () => container.querySelector<HTMLElement>('[role=grid]')!;

async function click(el: Element, init: MouseEventInit = {}) {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, ...init }));
  });
}
async function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
  });
}

beforeEach(async () => {
  fake = fakeApi({
    '/home/u': [
      { name: 'docs', type: 'dir' },
      { name: 'a.txt', type: 'file', sizeBytes: 1234 },
      { name: 'b.txt', type: 'file', sizeBytes: 2 },
      { name: 'c.txt', type: 'file', sizeBytes: 3 },
    ],
  });
  setApiForTests(fake.api);
  useLocalPane.getState().reset();
  useDialogs.setState({ queue: [] });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root.render(
      <>
        <FilePane paneId="local" />
        <DialogHost />
      </>,
    );
  });
  await act(() => useLocalPane.getState().navigate(undefined).then(() => undefined));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  setApiForTests(undefined);
});

describe('FilePane', () => {
  it('renders `..` first, folders first, sizes with exact bytes on hover', () => {
    expect(rows().map((r) => r.getAttribute('data-name'))).toEqual(['..', 'docs', 'a.txt', 'b.txt', 'c.txt']);
    expect(row('a.txt').querySelector('.col-size')!.getAttribute('title')).toBe('1,234 bytes');
    expect(container.querySelector('.pane-footer')!.textContent).toContain('3 files and 1 folder');
  });

  it('selects with click, shift-click and ctrl-click', async () => {
    await click(row('a.txt'));
    await click(row('c.txt'), { shiftKey: true });
    expect(selected()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    await click(row('b.txt'), { ctrlKey: true });
    expect(selected()).toEqual(['a.txt', 'c.txt']);
    expect(container.querySelector('.pane-footer')!.textContent).toContain('2 selected');
  });

  it('moves with arrow keys and deletes after confirming in the dialog; Escape cancels', async () => {
    await click(row('a.txt'));
    await key(grid(), 'ArrowDown');
    expect(selected()).toEqual(['b.txt']);
    await key(grid(), 'ArrowDown', { shiftKey: true });
    expect(selected()).toEqual(['b.txt', 'c.txt']);

    await key(grid(), 'Delete');
    let dialog = document.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Delete 2 items');
    expect([...dialog.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['b.txt', 'c.txt']);
    await key(dialog, 'Escape');
    expect(document.querySelector('dialog')).toBeNull();

    await key(grid(), 'Delete');
    dialog = document.querySelector('dialog')!;
    await act(async () => {
      dialog.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(fake.calls.find((c) => c.method === 'localDelete')?.input).toEqual({ paths: ['/home/u/b.txt', '/home/u/c.txt'] }));
  });

  it('opens the context menu on a row with the row selected, and closes it with Escape', async () => {
    await act(async () => {
      row('b.txt').dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, clientX: 50, clientY: 60 }));
    });
    expect(selected()).toEqual(['b.txt']);
    const menu = document.querySelector('[role=menu]')!;
    const items = [...menu.querySelectorAll('[role=menuitem]')];
    expect(items.map((i) => i.firstChild!.textContent)).toEqual(['Open', 'Upload', 'Rename', 'Delete', 'New folder', 'Refresh', 'Select all', 'Hide hidden files']);
    expect(items.find((i) => i.textContent?.startsWith('Upload'))!.getAttribute('aria-disabled')).toBe('true');
    await key(menu, 'Escape');
    expect(document.querySelector('[role=menu]')).toBeNull();
  });

  it('filters rows as the user types; `..` and folders stay', async () => {
    const input = container.querySelector<HTMLInputElement>('input[aria-label="Local site filter"]')!;
    await act(async () => {
      // React tracks input values; set through the native setter so onChange sees it.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'B.T');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(rows().map((r) => r.getAttribute('data-name'))).toEqual(['..', 'docs', 'b.txt']);
  });
});

describe('ChmodEditor', () => {
  it('keeps the octal value and the boxes in step and closes with the octal text', async () => {
    const close = vi.fn();
    await act(async () => root.render(<ChmodEditor initialMode={0o644} close={close} />));
    const numeric = container.querySelector<HTMLInputElement>('input:not([type=checkbox])')!;
    const box = (label: string) => container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
    expect(numeric.value).toBe('644');
    expect(box('owner write').checked).toBe(true);
    await click(box('group write'));
    expect(numeric.value).toBe('664');
    expect(container.querySelector('[aria-label="Symbolic permissions"]')!.textContent).toBe('rw-rw-r--');
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(close).toHaveBeenCalledWith('664');
  });
});
