// The webhook receiver of the tests (webhook_receiver.h).
#include "webhook_receiver.h"

#include <openssl/hmac.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace projectd::test {

std::string expected_webhook_signature(const std::string& secret, const std::string& timestamp,
                                       const std::string& body) {
  const std::string message = timestamp + "." + body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static const char* hex = "0123456789abcdef";
  std::string out = "sha256=";
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}
namespace {

// argv[1]: the directory. Writes "port" once listening; reads "mode" at each request; writes
// req-<n>.json for the n-th request (from 0) after reading it, before answering.
constexpr const char* kWebhookReceiverScript = R"PY(
import http.server, json, os, sys, time
d = sys.argv[1]
count = [0]
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', '0'))).decode('utf-8')
        n = count[0]; count[0] += 1
        with open(os.path.join(d, 'mode')) as f: mode = f.read().strip()
        rec = {'headers': {k.lower(): v for k, v in self.headers.items()}, 'body': body}
        tmp = os.path.join(d, 'req-%d.tmp' % n)
        with open(tmp, 'w') as f: json.dump(rec, f)
        os.rename(tmp, os.path.join(d, 'req-%d.json' % n))
        status = 200
        if mode.startswith('fail:') and n < int(mode[5:]): status = 500
        if mode == 'gone': status = 410
        if mode == 'slow': time.sleep(20)
        self.send_response(status)
        self.send_header('Content-Length', '2')
        self.end_headers()
        self.wfile.write(b'ok')
s = http.server.HTTPServer(('127.0.0.1', 0), H)
with open(os.path.join(d, 'port.tmp'), 'w') as f: f.write(str(s.server_address[1]))
os.rename(os.path.join(d, 'port.tmp'), os.path.join(d, 'port'))
s.serve_forever()
)PY";

std::string webhook_receiver_read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

WebhookReceiver::WebhookReceiver(const std::string& mode) {
  const std::string dir = dir_.path();
  std::ofstream(dir + "/receiver.py") << kWebhookReceiverScript;
  set_mode(mode);
  std::vector<std::string> args{"python3", dir + "/receiver.py", dir};
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  if (posix_spawnp(&pid_, "python3", nullptr, nullptr, argv.data(), environ) != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start python3");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(dir + "/port")) {
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("the webhook receiver did not start");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  port_ = static_cast<unsigned short>(std::stoi(webhook_receiver_read(dir + "/port")));
}

WebhookReceiver::~WebhookReceiver() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::string WebhookReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void WebhookReceiver::set_mode(const std::string& mode) {
  const std::string path = dir_.path() + "/mode";
  std::ofstream(path + ".tmp") << mode;
  std::filesystem::rename(path + ".tmp", path);
}

std::vector<ReceivedWebhook> WebhookReceiver::requests() const {
  std::vector<ReceivedWebhook> out;
  for (int n = 0;; ++n) {
    const std::string path = dir_.path() + "/req-" + std::to_string(n) + ".json";
    if (!std::filesystem::exists(path)) break;
    const boost::json::object rec = boost::json::parse(webhook_receiver_read(path)).as_object();
    ReceivedWebhook request;
    for (const auto& [name, value] : rec.at("headers").as_object())
      request.headers[std::string(name)] = std::string(value.as_string());
    request.body = std::string(rec.at("body").as_string());
    out.push_back(std::move(request));
  }
  return out;
}

std::vector<ReceivedWebhook> WebhookReceiver::wait_for(std::size_t count,
                                                       std::chrono::seconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::vector<ReceivedWebhook> got = requests();
  while (got.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    got = requests();
  }
  return got;
}

}  // namespace projectd::test
