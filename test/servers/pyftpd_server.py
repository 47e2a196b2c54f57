"""pyftpdlib server for Ferry's tests, started by test/servers/pyftpdlib.ts.

Run with Debian's /usr/bin/python3 (python3-pyftpdlib, python3-openssl). The single argument
is a JSON object: host, port, pasvMin, pasvMax, user, password, home, anon, tls, requireTls,
implicitTls, passiveDisabled, activeDisabled, cert, key, timeZone ('' for UTC, else a POSIX TZ
such as UTC-3 in which to report times, as a server set to its local time does).
"""
import json
import logging
import os
import sys
import time

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler, TLS_DTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer


def main():
    o = json.loads(sys.argv[1])
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format='%(asctime)s %(message)s')

    authorizer = DummyAuthorizer()
    authorizer.add_user(o['user'], o['password'], o['home'], perm='elradfmwMT')
    authorizer.add_anonymous(o['anon'], perm='elr')

    class DataHandler(TLS_DTPHandler):
        def readable(self):
            # pyftpdlib 1.5.7 takes bytes arriving on a data connection before the transfer
            # command for a disconnect, but clients such as curl send the TLS ClientHello as
            # soon as they connect; let the handshake proceed instead.
            if self._ssl_accepting:
                return True
            return super().readable()

    base = TLS_FTPHandler if o['tls'] else FTPHandler

    class Handler(base):
        if o['implicitTls']:
            def handle(self):
                # pyftpdlib only knows AUTH TLS; implicit FTPS (port 990 style) means the
                # handshake comes before the greeting and data channels default to PROT P.
                self.secure_connection(self.ssl_context)
                self._pbsz = True
                self._prot = True
                super().handle()

        if o['passiveDisabled']:
            def ftp_PASV(self, line):
                self.respond('502 Passive mode disabled.')

            def ftp_EPSV(self, line):
                self.respond('502 Passive mode disabled.')

        if o['activeDisabled']:
            def ftp_PORT(self, line):
                self.respond('502 Active mode disabled.')

            def ftp_EPRT(self, line):
                self.respond('502 Active mode disabled.')

    if o.get('timeZone'):
        os.environ['TZ'] = o['timeZone']
        time.tzset()
        Handler.use_gmt_times = False

    Handler.authorizer = authorizer
    Handler.passive_ports = list(range(o['pasvMin'], o['pasvMax'] + 1))
    Handler.banner = 'pyftpdlib ready (Ferry test server).'
    if o['tls']:
        Handler.dtp_handler = DataHandler
        Handler.certfile = o['cert']
        Handler.keyfile = o['key']
        Handler.tls_control_required = o['requireTls']
        Handler.tls_data_required = o['requireTls']
        # Without a session id context OpenSSL aborts any handshake that offers to resume a
        # session, and clients such as curl resume the control session on data connections.
        Handler.get_ssl_context().set_session_id(b'ferry-pyftpdlib')

    server = FTPServer((o['host'], o['port']), Handler)
    server.max_cons = 256
    server.serve_forever(handle_exit=True)


if __name__ == '__main__':
    main()
