/**
 * The floor for small files in Node: a minimal FTP client on bare sockets, as a reference row of
 * the small-file benchmark. Per file it does what Ferry must do on the wire and on disk, and
 * nothing else: EPSV, connect, RETR or STOR, the data, 226; downloads go to `NAME.part` and are
 * renamed. No queue, no retries, no size checks, no progress, no log. It runs N sessions at once
 * like `--parallel N`, in its own process timed from start to exit like the Ferry CLI.
 * Benchmark-only code.
 */
import type { BenchServer, RunTiming } from './types';
import { FERRY_NODE_OPTIONS, runProcess, type ProcessResult } from './clients';

const BARE_CLIENT = String.raw`
const net = require('node:net'), fs = require('node:fs');
const job = JSON.parse(process.argv[1]);
let next = 0;
function session() {
  return new Promise((done, fail) => {
    const c = net.connect(job.port, job.host);
    c.setNoDelay(true);
    c.setEncoding('latin1');
    c.on('error', fail);
    let text = '';
    const waiting = [];
    c.on('data', (d) => {
      text += d;
      let i;
      while ((i = text.indexOf('\r\n')) >= 0) {
        const line = text.slice(0, i);
        text = text.slice(i + 2);
        if (/^\d{3} /.test(line)) waiting.shift()(line);
      }
    });
    const reply = (command) => new Promise((resolve) => {
      waiting.push(resolve);
      if (command) c.write(command + '\r\n');
    });
    const expect = async (command, code) => {
      const line = await reply(command);
      if (!line.startsWith(code)) throw new Error((command || 'greeting') + ': ' + line);
      return line;
    };
    (async () => {
      await expect(null, '220');
      await expect('USER ' + job.user, '331');
      await expect('PASS ' + job.password, '230');
      await expect('TYPE I', '200');
      while (next < job.names.length) {
        const name = job.names[next++];
        // A server out of passive ports answers 425 for a moment (pure-ftpd: "Address already in use"): ask again.
        let epsv = await reply('EPSV');
        for (let tries = 0; epsv.startsWith('425') && tries < 50; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          epsv = await reply('EPSV');
        }
        if (!epsv.startsWith('229')) throw new Error('EPSV: ' + epsv);
        const port = Number(/\|\|\|(\d+)\|/.exec(epsv)[1]);
        const data = net.connect(port, job.host);
        if (job.direction === 'download') {
          const chunks = [];
          const ended = new Promise((resolve, reject) => { data.on('data', (b) => chunks.push(b)); data.on('end', resolve); data.on('error', reject); });
          const started = reply('RETR ' + job.remoteDir + '/' + name);
          const finished = reply(null);
          if (!(await started).startsWith('150')) throw new Error('RETR ' + name);
          await ended;
          if (!(await finished).startsWith('226')) throw new Error('RETR ' + name);
          const part = job.localDir + '/' + name + '.part';
          const fd = fs.openSync(part, 'w');
          fs.writeSync(fd, Buffer.concat(chunks));
          fs.closeSync(fd);
          fs.renameSync(part, job.localDir + '/' + name);
        } else {
          const body = fs.readFileSync(job.localDir + '/' + name);
          const started = reply('STOR ' + job.remoteDir + '/' + name);
          const finished = reply(null);
          if (!(await started).startsWith('150')) throw new Error('STOR ' + name);
          data.end(body);
          if (!(await finished).startsWith('226')) throw new Error('STOR ' + name);
        }
      }
      await reply('QUIT');
      c.end();
      done();
    })().catch(fail);
  });
}
if (job.direction === 'download') fs.mkdirSync(job.localDir, { recursive: true });
Promise.all(Array.from({ length: job.parallel }, session)).catch((err) => {
  process.stderr.write(String(err) + '\n');
  process.exit(1);
});
`;

/** What the bare client moves: file names in one remote and one local folder. */
export interface BareJob {
  server: BenchServer;
  direction: 'download' | 'upload';
  /** Remote folder, e.g. `/small` (relative to the login folder). */
  remoteDir: string;
  localDir: string;
  names: string[];
  parallel: number;
}

/** Runs the bare client once; throws with its error output when it fails. */
export async function bareFtpClient(job: BareJob, bytes: number, rssFile: string): Promise<RunTiming> {
  const arg = JSON.stringify({
    host: job.server.host, port: job.server.port, user: job.server.user, password: job.server.password,
    direction: job.direction, remoteDir: job.remoteDir, localDir: job.localDir, names: job.names, parallel: job.parallel,
  });
  // With the ferry command's Node options, so the floor is that of a Node process set up the same way.
  const result: ProcessResult = await runProcess(process.execPath, [...FERRY_NODE_OPTIONS, '-e', BARE_CLIENT, arg], { rssFile });
  if (result.code !== 0) throw new Error(`bare FTP client failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-600)}`);
  return { bytes, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

