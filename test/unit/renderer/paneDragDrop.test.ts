/** Drag and drop payloads between panes, transfer requests, and files dropped from the OS. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import { dragSourcePane, dropOnPane, PANE_ITEMS_MIME, readDrag, writeDrag } from '../../../renderer/commands/dragDrop';
import { onExternalFiles, setLocalPathResolver } from '../../../renderer/commands/externalFiles';
import { transferRequest } from '../../../renderer/commands/transferRequest';
import { useQueue } from '../../../renderer/stores/queueStore';
import { useRemotePane } from '../../../renderer/stores/remotePane';

/** Enough of DataTransfer for the payload code. */
class FakeDataTransfer {
  data = new Map<string, string>();
  effectAllowed = 'all';
  get types() {
    return [...this.data.keys()];
  }
  setData(type: string, value: string) {
    this.data.set(type, value);
  }
  getData(type: string) {
    return this.data.get(type) ?? '';
  }
}

const entries: FileEntry[] = [
  { name: '..', type: 'dir' },
  { name: 'photos', type: 'dir' },
  { name: 'a.txt', type: 'file', sizeBytes: 3, modifiedMs: 1000 },
  { name: 'fifo', type: 'other' },
];

let enqueued: unknown[];
const realEnqueue = useQueue.getState().enqueueTransfer;
beforeEach(() => {
  enqueued = [];
  useQueue.setState({ enqueueTransfer: async (r) => void enqueued.push(r) });
});
afterEach(() => {
  useQueue.setState({ enqueueTransfer: realEnqueue });
  setLocalPathResolver(null);
});

describe('transfer requests', () => {
  it('skips `..` and special files and sets the direction from the source pane', () => {
    expect(transferRequest('remote', entries, '/srv', '/home/u')).toEqual({
      direction: 'download',
      items: [
        { name: 'photos', isFolder: true },
        { name: 'a.txt', isFolder: false, sizeBytes: 3, modifiedMs: 1000 },
      ],
      fromFolder: '/srv',
      toFolder: '/home/u',
    });
    expect(transferRequest('local', [entries[0]], '/home/u', '/srv')).toBeNull();
    expect(transferRequest('local', entries, '/home/u', '')).toBeNull();
  });

  it('carries a remote name\'s readable form beside the server\'s, for the local copy', () => {
    const entry = { name: 'naÃ¯ve.txt', displayName: 'naïve.txt', type: 'file' as const, sizeBytes: 2 };
    expect(transferRequest('remote', [entry], '/srv', '/home/u')?.items).toEqual([{ name: 'naÃ¯ve.txt', displayName: 'naïve.txt', isFolder: false, sizeBytes: 2 }]);
  });
});

describe('drag payloads', () => {
  it('round-trips {pane, folder, items} and names the source pane in the types', () => {
    const dt = new FakeDataTransfer();
    expect(writeDrag(dt as unknown as DataTransfer, 'local', '/home/u', entries.slice(1), (n) => `/home/u/${n}`)).toBe(true);
    expect(dragSourcePane(dt.types)).toBe('local');
    expect(dt.getData('text/plain')).toBe('/home/u/photos\n/home/u/a.txt');
    expect(readDrag(dt as unknown as DataTransfer)).toEqual({
      pane: 'local',
      folder: '/home/u',
      items: [
        { name: 'photos', isFolder: true },
        { name: 'a.txt', isFolder: false, sizeBytes: 3, modifiedMs: 1000 },
      ],
    });
  });
  it('refuses malformed payloads and drags of only `..`', () => {
    const dt = new FakeDataTransfer();
    expect(writeDrag(dt as unknown as DataTransfer, 'remote', '/', [entries[0]], (n) => n)).toBe(false);
    dt.setData(PANE_ITEMS_MIME, '{"pane":"elsewhere","folder":"/","items":[]}');
    expect(readDrag(dt as unknown as DataTransfer)).toBeNull();
    dt.setData(PANE_ITEMS_MIME, 'not json');
    expect(readDrag(dt as unknown as DataTransfer)).toBeNull();
    expect(dragSourcePane(['Files'])).toBeNull();
  });
  it('queues a drop on the other pane only, into the target folder', () => {
    const payload = { pane: 'local' as const, folder: '/home/u', items: [{ name: 'a.txt', isFolder: false }] };
    expect(dropOnPane('local', payload, '/home/u', true)).toBe(false);
    expect(dropOnPane('remote', payload, '/srv/in', false)).toBe(false);
    expect(dropOnPane('remote', payload, '/srv/in', true)).toBe(true);
    expect(enqueued).toEqual([{ direction: 'upload', items: payload.items, fromFolder: '/home/u', toFolder: '/srv/in' }]);
  });
});

describe('files from the OS', () => {
  const file = (name: string, size: number) => ({ name, size }) as File;
  it('uploads them grouped by their local folder once a path resolver is installed', () => {
    const a = file('a.txt', 5);
    const b = file('b.txt', 6);
    const dir = file('pics', 0);
    const paths = new Map<File, string>([
      [a, '/home/u/a.txt'],
      [b, '/tmp/b.txt'],
      [dir, '/home/u/pics'],
    ]);
    setLocalPathResolver((f) => paths.get(f));
    expect(onExternalFiles([a, b, dir], '/srv', new Set([dir]))).toBe(true);
    expect(enqueued).toEqual([
      { direction: 'upload', items: [{ name: 'a.txt', isFolder: false, sizeBytes: 5 }, { name: 'pics', isFolder: true }], fromFolder: '/home/u', toFolder: '/srv' },
      { direction: 'upload', items: [{ name: 'b.txt', isFolder: false, sizeBytes: 6 }], fromFolder: '/tmp', toFolder: '/srv' },
    ]);
  });
  it('explains in the remote pane when there is no way to get their paths (browser mode)', () => {
    expect(onExternalFiles([file('a.txt', 1)], '/srv')).toBe(false);
    expect(enqueued).toEqual([]);
    expect(useRemotePane.getState().opError?.error.message).toMatch(/Ferry app/);
  });
});

describe('the Electron bridge for desktop drops', () => {
  it('resolves dropped files through the preload’s pathForFile and queues them', async () => {
    const { installDesktopBridge } = await import('../../../renderer/desktopBridge');
    const asked: string[] = [];
    installDesktopBridge({ pathForFile: (file: { name: string }) => (asked.push(file.name), `/home/u/Desktop/${file.name}`) } as never);
    const dropped = [{ name: 'photo.jpg', size: 10 }, { name: 'notes', size: 0 }] as unknown as File[];
    expect(onExternalFiles(dropped, '/srv', new Set([dropped[1]]))).toBe(true);
    expect(asked).toEqual(['photo.jpg', 'notes']);
    expect(enqueued).toEqual([
      {
        direction: 'upload',
        items: [
          { name: 'photo.jpg', isFolder: false, sizeBytes: 10 },
          { name: 'notes', isFolder: true },
        ],
        fromFolder: '/home/u/Desktop',
        toFolder: '/srv',
      },
    ]);
  });

  it('installs nothing in browser mode, where there is no preload', async () => {
    const { installDesktopBridge } = await import('../../../renderer/desktopBridge');
    installDesktopBridge(undefined);
    expect(onExternalFiles([{ name: 'x', size: 1 }] as unknown as File[], '/srv')).toBe(false);
    expect(enqueued).toEqual([]);
  });
});
