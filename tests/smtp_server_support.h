// A real SMTP server for the mail tests: tests/smtp_fixture.py (Debian's aiosmtpd) as a child
// process on a loopback port, writing every message it accepts into a directory this class reads.
// Variants: STARTTLS with a self-signed certificate made here with openssl (ca_file() is the
// certificate, for --smtp-ca-file), AUTH LOGIN/PLAIN accepting one user and password, and one
// recipient answered with 550. stop() and start() keep the port and the messages, so a test can
// take the server away and bring it back.
// Thread safety: one test thread.
#pragma once

#include "test_server.h"

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace projectd::test {

struct SmtpServerOptions {
  bool starttls = false;
  std::string user;  // non-empty: AUTH required with user/password
  std::string password;
  std::string refuse;  // this recipient gets 550
};

struct ReceivedMail {
  std::string from;             // the envelope sender
  std::vector<std::string> to;  // the envelope recipients
  std::string data;             // the message as received (CRLF lines)
  // The value of the first header `name` (unfolded), or "".
  std::string header(const std::string& name) const;
  // The decoded body of the MIME part with this Content-Type ("text/plain"), or "".
  std::string part(const std::string& content_type) const;
};

class SmtpServer {
 public:
  static bool available();  // python3-aiosmtpd is installed
  explicit SmtpServer(SmtpServerOptions options = {});
  ~SmtpServer();  // stop()
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  unsigned short port() const { return port_; }
  std::string url() const;  // smtp://127.0.0.1:PORT
  const std::string& ca_file() const { return cert_; }
  // Every message received so far, in arrival order.
  std::vector<ReceivedMail> messages() const;
  // Waits (up to `deadline`, polling) until at least `count` messages arrived; returns them all.
  std::vector<ReceivedMail> wait_for_messages(
      std::size_t count, std::chrono::milliseconds deadline = std::chrono::seconds(20)) const;
  void stop();   // SIGTERM and wait
  void start();  // on the same port, after stop()

 private:
  SmtpServerOptions options_;
  TempDir dir_;
  std::string mail_dir_;
  std::string cert_;
  std::string key_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace projectd::test
