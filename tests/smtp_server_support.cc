// The SMTP test server (smtp_server_support.h).
#include "smtp_server_support.h"

#include "nginx_balancer.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace projectd::test {
namespace {

constexpr const char* kSmtpPython = "/usr/bin/python3";

std::string smtp_read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string smtp_decode_base64(const std::string& text) {
  std::string compact;
  for (const char c : text)
    if (c != '\r' && c != '\n' && c != ' ') compact += c;
  std::string out(compact.size(), '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(compact.data()),
                                static_cast<int>(compact.size()));
  if (n < 0) return "";
  out.resize(static_cast<std::size_t>(n));
  for (std::size_t i = compact.size(); i > 0 && compact[i - 1] == '='; --i)
    out.pop_back();
  return out;
}

ReceivedMail smtp_parse_file(const std::string& text) {
  ReceivedMail mail;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find('\n', at);
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty()) break;
    if (line.starts_with("from ")) mail.from = line.substr(5);
    if (line.starts_with("to ")) mail.to.push_back(line.substr(3));
  }
  mail.data = text.substr(at);
  return mail;
}

}  // namespace

std::string ReceivedMail::header(const std::string& name) const {
  const std::string head = "\r\n" + data.substr(0, data.find("\r\n\r\n") + 2);
  std::string lower_head = head;
  std::string wanted = "\r\n" + name + ":";
  std::transform(lower_head.begin(), lower_head.end(), lower_head.begin(), ::tolower);
  std::transform(wanted.begin(), wanted.end(), wanted.begin(), ::tolower);
  const auto at = lower_head.find(wanted);
  if (at == std::string::npos) return "";
  std::string value;
  std::size_t i = at + wanted.size();
  while (i < head.size()) {
    const auto end = head.find("\r\n", i);
    value += head.substr(i, end - i);
    i = end + 2;
    if (i >= head.size() || (head[i] != ' ' && head[i] != '\t')) break;
  }
  const auto first = value.find_first_not_of(" \t");
  return first == std::string::npos ? "" : value.substr(first);
}

std::string ReceivedMail::part(const std::string& content_type) const {
  const auto at = data.find("Content-Type: " + content_type);
  if (at == std::string::npos) return "";
  const auto start = data.find("\r\n\r\n", at) + 4;
  const auto end = data.find("\r\n--", start);
  return smtp_decode_base64(data.substr(start, end - start));
}

bool SmtpServer::available() {
  return std::system("/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null") == 0;
}

SmtpServer::SmtpServer(SmtpServerOptions options)
    : options_(std::move(options)), port_(free_loopback_port()) {
  mail_dir_ = dir_.path() + "/mail";
  std::filesystem::create_directories(mail_dir_);
  if (options_.starttls) {
    cert_ = dir_.path() + "/cert.pem";
    key_ = dir_.path() + "/key.pem";
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext "
        "subjectAltName=IP:127.0.0.1 -keyout " +
        key_ + " -out " + cert_ + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0)
      throw std::runtime_error("openssl could not make a certificate");
  }
  start();
}

SmtpServer::~SmtpServer() {
  stop();
}

std::string SmtpServer::url() const {
  return "smtp://127.0.0.1:" + std::to_string(port_);
}

void SmtpServer::start() {
  const std::string ready = mail_dir_ + "/ready";
  std::filesystem::remove(ready);
  std::vector<std::string> args{
      kSmtpPython, PROJECTD_SMTP_FIXTURE, "--port", std::to_string(port_), "--dir", mail_dir_};
  if (options_.starttls) args.insert(args.end(), {"--starttls", cert_, key_});
  if (!options_.user.empty())
    args.insert(args.end(), {"--auth", options_.user + ":" + options_.password});
  if (!options_.refuse.empty()) args.insert(args.end(), {"--refuse", options_.refuse});
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string output = dir_.path() + "/smtp.out";
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const int rc = posix_spawn(&pid_, kSmtpPython, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start the SMTP fixture");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(ready)) {
    int status = 0;
    const bool ended = ::waitpid(pid_, &status, WNOHANG) == pid_;
    if (ended) pid_ = -1;
    if (ended || std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("the SMTP fixture did not start:\n" + smtp_read_file(output));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void SmtpServer::stop() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::vector<ReceivedMail> SmtpServer::messages() const {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(mail_dir_))
    if (entry.path().extension() == ".eml") names.push_back(entry.path().string());
  std::sort(names.begin(), names.end());
  std::vector<ReceivedMail> out;
  for (const std::string& name : names)
    out.push_back(smtp_parse_file(smtp_read_file(name)));
  return out;
}

std::vector<ReceivedMail> SmtpServer::wait_for_messages(std::size_t count,
                                                        std::chrono::milliseconds deadline) const {
  const auto until = std::chrono::steady_clock::now() + deadline;
  auto found = messages();
  while (found.size() < count && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    found = messages();
  }
  return found;
}

}  // namespace projectd::test
