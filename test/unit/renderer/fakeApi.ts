/** A scripted FerryApi for renderer tests: records calls; listings come from an in-memory tree. */
import type { FerryApi } from '../../../shared/api';
import type { FileEntry } from '../../../shared/domain';

/** A fake API and what it was asked. */
export interface FakeApi {
  api: FerryApi;
  calls: { method: string; input: unknown }[];
  tree: Record<string, FileEntry[]>;
}

/** Creates the fake; unknown methods succeed with an empty value, unless `extra` answers them. */
export function fakeApi(tree: Record<string, FileEntry[]>, extra: Record<string, (input: never) => unknown> = {}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const parentOf = (p: string) => (p === '/' ? null : p.slice(0, p.lastIndexOf('/')) || '/');
  const list = (path: string | undefined) => {
    const p = path ?? '/home/u';
    const entries = tree[p];
    return entries
      ? { ok: true, value: { path: p, parent: parentOf(p), entries: [...entries], sessionId: 's1' } }
      : { ok: false, error: { kind: 'system', message: `No such file or folder: ${p}` } };
  };
  const handlers: Record<string, (input: never) => unknown> = {
    localList: (input: { path?: string }) => list(input.path),
    remoteList: (input: { path?: string }) => list(input.path ?? '/'),
    queueAdd: () => ({ ok: true, value: { addedCount: 1, folderCount: 0, refused: [] } }),
    ...extra,
  };
  const api = new Proxy({} as FerryApi, {
    get(_target, method: string) {
      if (method === 'on') return () => () => undefined;
      if (method === 'then') return undefined;
      return async (input: unknown) => {
        calls.push({ method, input });
        return handlers[method]?.(input as never) ?? { ok: true, value: undefined };
      };
    },
  });
  return { api, calls, tree };
}
