// A real HTTP receiver of webhook deliveries on loopback, for the webhook tests: a small Python
// http.server (written into its own temporary directory and run as a child process) that records
// each request's headers and body to a file and answers as its mode says: "ok" (200), "fail:N"
// (500 for the first N requests, then 200), "gone" (410) or "slow" (waits 20 s, past the
// channel's timeout). The mode can change while it runs.
// Thread safety: one test thread.
#pragma once

#include "test_server.h"

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace projectd::test {

struct ReceivedWebhook {
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
};

// The X-Projectd-Signature a delivery must carry: "sha256=" + hex HMAC-SHA256(secret,
// timestamp + "." + body), computed independently of projectd (OpenSSL).
std::string expected_webhook_signature(const std::string& secret, const std::string& timestamp,
                                       const std::string& body);

class WebhookReceiver {
 public:
  explicit WebhookReceiver(const std::string& mode = "ok");
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  unsigned short port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;
  void set_mode(const std::string& mode);
  // Every request so far, in arrival order.
  std::vector<ReceivedWebhook> requests() const;
  // Polls every 50 ms until `count` requests arrived or 20 s passed; returns what arrived.
  std::vector<ReceivedWebhook> wait_for(
      std::size_t count, std::chrono::seconds limit = std::chrono::seconds(20)) const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

}  // namespace projectd::test
