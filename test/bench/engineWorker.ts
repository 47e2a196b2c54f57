/**
 * One file transfer through Ferry's engine in a bare Node process, for the benchmark: connect,
 * download or upload between the server and a local file, QUIT; prints `{"seconds","bytes"}`
 * (connect to close, without Node's start-up). Built to out/bench/engineWorker.js by
 * bin/bench.js; argv[2] is a JSON job. Benchmark-only code.
 */
import { FileSink } from '../../electron/cli/fileSink';
import { FileSource } from '../../electron/cli/fileSource';
import { FtpSession } from '../../electron/ftp';

interface Job {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Set for explicit FTPS: the server certificate's SHA-256. */
  fingerprint?: string;
  direction: 'download' | 'upload';
  remote: string;
  local: string;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  const started = process.hrtime.bigint();
  const session = await FtpSession.connect({
    host: job.host,
    port: job.port,
    user: job.user,
    password: job.password,
    tls: job.fingerprint ? 'explicit' : 'none',
    trustedFingerprint: job.fingerprint,
  });
  try {
    // The same local streams the CLI uses (electron/cli/commands/transfer.ts).
    const result = job.direction === 'download'
      ? await session.download(job.remote, new FileSink(job.local))
      : await session.upload(new FileSource(job.local), job.remote);
    await session.close();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(`${JSON.stringify({ seconds, bytes: result.bytes })}\n`);
  } finally {
    session.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`engine worker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
