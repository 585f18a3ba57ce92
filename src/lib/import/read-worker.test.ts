import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFile, type ReadFileResult } from './read.ts';
import { answerRead, serveReads, workerReader, type ReadRequest, type ReadResponse, type ReadWorker, type ReadWorkerScope } from './read-worker.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const csv = (name: string, text: string) => ({ name, bytes: bytes(text) });
const read = (file: { name: string; bytes: Uint8Array }) => readFile(file);

/**
 * A worker as the client sees one: it says it is ready once "loaded" (unless told it never loads), then answers each
 * request with `answerRead` a turn later, as a real worker would; a test can make it die or hold its answer.
 */
class FakeWorker implements ReadWorker {
  static made: FakeWorker[] = [];
  terminated = false;
  received: { request: ReadRequest; transfer: Transferable[] }[] = [];
  hold = false;
  private readonly listeners = new Map<string, ((event: never) => void)[]>();

  constructor(
    private readonly reader: typeof read = read,
    loads = true,
  ) {
    FakeWorker.made.push(this);
    setTimeout(() => (loads ? this.answer({ ready: true }) : this.die('')), 0);
  }

  postMessage(request: ReadRequest, transfer: Transferable[]): void {
    // What a real postMessage does with a transfer: the sender's buffer is gone.
    const copy = { ...request, bytes: structuredClone(request.bytes, { transfer }) };
    this.received.push({ request: copy, transfer });
    if (!this.hold) setTimeout(() => this.answer(answerRead(copy, this.reader)), 0);
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  private dispatch(type: string, event: Event): void {
    if (!this.terminated) for (const l of this.listeners.get(type) ?? []) l(event as never);
  }

  answer(data: ReadResponse): void {
    this.dispatch('message', new MessageEvent('message', { data }));
  }

  die(message: string): void {
    this.dispatch('error', Object.assign(new Event('error', { cancelable: true }), { message }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  FakeWorker.made = [];
});

describe('the worker side', () => {
  it('answers a file with the reader’s table, or its file errors', () => {
    const ok = answerRead({ id: 3, name: 'a.csv', bytes: bytes('name,area\nA,100\n') }, read);
    expect(ok).toMatchObject({ id: 3, result: { table: { headers: ['name', 'area'], rows: [{ values: { name: 'A', area: '100' } }] } } });
    const empty = answerRead({ id: 4, name: 'a.csv', bytes: new Uint8Array() }, read);
    expect(empty).toMatchObject({ id: 4, result: { fileErrors: [{ code: 'file-empty' }] } });
  });

  it('answers what the reader threw as an error, never throws', () => {
    const broken = () => {
      throw new Error('out of memory');
    };
    expect(answerRead({ id: 5, name: 'a.csv', bytes: bytes('x') }, broken)).toEqual({ id: 5, error: 'out of memory' });
  });

  it('says it is ready, then answers every message', () => {
    const posted: ReadResponse[] = [];
    const scope: ReadWorkerScope = { onmessage: null, postMessage: (m) => posted.push(m) };
    serveReads(scope, read);
    expect(posted).toEqual([{ ready: true }]);
    scope.onmessage!(new MessageEvent('message', { data: { id: 1, name: 'a.csv', bytes: bytes('a,b\n1,2\n') } }));
    expect(posted[1]).toMatchObject({ id: 1, result: { table: { headers: ['a', 'b'] } } });
  });
});

describe('the client', () => {
  it('reads in the worker, handing the bytes over', async () => {
    const reader = workerReader({ create: () => new FakeWorker(), fallback: () => expect.unreachable() });
    const file = csv('a.csv', 'name,area\nA,100\n');
    const result = await reader(file);
    expect(result.table?.rows).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker!.received[0]!.transfer).toEqual([expect.any(ArrayBuffer)]);
    expect(file.bytes.byteLength, 'transferred, not copied').toBe(0);
    // Its work done, the worker is ended: the next file has a new one.
    expect(worker!.terminated).toBe(true);
    await reader(csv('b.csv', 'a\n1\n'));
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('lets a later file win: the earlier reading ends (AbortError) and the later one is read', async () => {
    const reader = workerReader({ create: () => new FakeWorker(), fallback: () => expect.unreachable() });
    const first = reader(csv('first.csv', 'name\nOld\n'));
    const firstOutcome = first.then(
      (r) => r,
      (e: Error) => e,
    );
    await new Promise((r) => setTimeout(r, 0));
    const second = await reader(csv('second.csv', 'name\nNew\n'));
    expect(second.table?.rows[0]?.values).toEqual({ name: 'New' });
    expect(await firstOutcome).toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('answers "file could not be read" when the worker dies reading, and reads the next file in a new worker', async () => {
    let made = 0;
    const reader = workerReader({
      create: () => Object.assign(new FakeWorker(), { hold: made++ === 0 }),
      fallback: () => expect.unreachable(),
    });
    const dying = reader(csv('a.csv', 'name\nA\n'));
    await vi.waitFor(() => expect(FakeWorker.made[0]?.received).toHaveLength(1));
    FakeWorker.made[0]!.die('Out of memory');
    expect(await dying).toEqual({ fileErrors: [{ code: 'file-format-unknown', text: 'Out of memory' }] });
    const next = await reader(csv('b.csv', 'name\nB\n'));
    expect(next.table?.rows[0]?.values).toEqual({ name: 'B' });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('answers an error the reader threw in the worker as "file could not be read"', async () => {
    const throwing = () => {
      throw new Error('Invalid array length');
    };
    const reader = workerReader({ create: () => new FakeWorker(throwing), fallback: () => expect.unreachable() });
    expect(await reader(csv('a.csv', 'x\n1\n'))).toEqual({ fileErrors: [{ code: 'file-format-unknown', text: 'Invalid array length' }] });
  });

  it('reads on the main thread where no worker can be made, and keeps doing so', async () => {
    const fallback = vi.fn(read);
    const create = vi.fn((): ReadWorker => {
      throw new ReferenceError('Worker is not defined');
    });
    const reader = workerReader({ create, fallback });
    expect((await reader(csv('a.csv', 'name\nA\n'))).table?.rows).toHaveLength(1);
    expect((await reader(csv('b.csv', 'name\nB\n'))).table?.rows).toHaveLength(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it('reads on the main thread when the worker never loads (a policy refusing it): the bytes were not handed over', async () => {
    const fallback = vi.fn(read);
    const reader = workerReader({ create: () => new FakeWorker(read, false), fallback });
    const result: ReadFileResult = await reader(csv('a.csv', 'name\nA\n'));
    expect(result.table?.rows).toHaveLength(1);
    expect(fallback).toHaveBeenCalledTimes(1);
    await reader(csv('b.csv', 'name\nB\n'));
    expect(FakeWorker.made).toHaveLength(1);
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it('answers "file could not be read" when the fallback throws, never rejects', async () => {
    const reader = workerReader({
      create: () => {
        throw new Error('no workers');
      },
      fallback: () => {
        throw new Error('Maximum call stack size exceeded');
      },
    });
    expect(await reader(csv('a.csv', 'x'))).toEqual({ fileErrors: [{ code: 'file-format-unknown', text: 'Maximum call stack size exceeded' }] });
  });
});
