#!/usr/bin/python3
"""A real SMTP server for the mail tests (tests/smtp_server_support.h), on Debian's aiosmtpd.

Listens on 127.0.0.1:PORT and writes every message it accepts as one file into DIR: the line
"from <sender>", one line "to <recipient>" per recipient, an empty line, then the raw data as
received. Files appear whole (written aside, then renamed) and their names sort in arrival order.
Options: --starttls CERT KEY offers STARTTLS; --auth USER:PASSWORD requires AUTH LOGIN or PLAIN
with that pair; --refuse ADDRESS answers 550 to that recipient. Writes DIR/ready once it listens,
and runs until SIGTERM.
"""
import argparse
import os
import signal
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MailToFiles:
    def __init__(self, directory, refuse):
        self.directory = directory
        self.refuse = set(a.lower() for a in refuse)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%020d-%d.eml" % (time.time_ns(), os.getpid())
        head = "from %s\n" % envelope.mail_from
        head += "".join("to %s\n" % r for r in envelope.rcpt_tos) + "\n"
        path = os.path.join(self.directory, name)
        with open(path + ".part", "wb") as f:
            f.write(head.encode() + envelope.original_content)
        os.rename(path + ".part", path)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    parser.add_argument("--refuse", action="append", default=[])
    args = parser.parse_args()

    options = {}
    if args.starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.starttls[0], args.starttls[1])
        options["tls_context"] = context
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            return AuthResult(success=ok)

        options.update(authenticator=authenticate, auth_required=True,
                       auth_require_tls=bool(args.starttls))
    controller = Controller(MailToFiles(args.dir, args.refuse), hostname="127.0.0.1",
                            port=args.port, **options)
    controller.start()
    with open(os.path.join(args.dir, "ready"), "w") as f:
        f.write("ready\n")
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    while not stopped.wait(0.2):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
