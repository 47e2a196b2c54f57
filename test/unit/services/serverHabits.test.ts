/** What one connection learnt about a server reaches the next connection's options, for that server only. */
import { describe, expect, it } from 'vitest';
import { ServerHabits } from '../../../electron/services/ServerHabits';
import { toConnectOptions } from '../../../electron/services/connectOptions';

const params = { host: 'ftp.example.org', port: 2121, user: 'u', password: 'p', tls: 'none' as const, dataMode: 'auto' as const };

describe('ServerHabits in the connect options', () => {
  it('starts a server with UTF-8 guessing and pipelined logins until a connection learns otherwise', () => {
    const habits = new ServerHabits();
    expect(toConnectOptions(params, 'c', undefined, habits)).toMatchObject({ encoding: undefined, pipelinedLogin: true });
    habits.learnLatin1('ftp.example.org', 2121);
    habits.learnLoginOneByOne('ftp.example.org', 2121);
    expect(toConnectOptions(params, 'c', undefined, habits)).toMatchObject({ encoding: 'latin1', pipelinedLogin: false });
    expect(toConnectOptions({ ...params, port: 21 }, 'c', undefined, habits)).toMatchObject({ encoding: undefined, pipelinedLogin: true });
  });

  it('keeps a charset the user chose over a learnt one', () => {
    const habits = new ServerHabits();
    habits.learnLatin1('ftp.example.org', 2121);
    expect(toConnectOptions({ ...params, encoding: 'utf8' }, 'c', undefined, habits).encoding).toBe('utf8');
  });
});
