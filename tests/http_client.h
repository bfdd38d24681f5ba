// A small synchronous HTTP/1.1 client for the tests: one keep-alive connection to the server under
// test, requests as a test would write them, responses with the body parsed when it is JSON. Over
// plain TCP, or over TLS (HTTPS) verifying the server against a certificate the test trusts.
#pragma once

#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace projectd::test {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // lowercase names
  std::string body;

  std::string header(const std::string& lowercase_name) const;
  // The body parsed as JSON; throws when it is not.
  boost::json::value json() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// HTTPS: the server's certificate must chain to the PEM certificate(s) in `ca_file` and name
// 127.0.0.1 (subjectAltName IP).
struct TlsTrust {
  std::string ca_file;
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port);
  HttpClient(unsigned short port, TlsTrust tls);
  ~HttpClient();

  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = "", const Headers& headers = {});
  HttpResponse get(const std::string& target, const Headers& headers = {}) {
    return request("GET", target, "", headers);
  }
  // A JSON body with Content-Type application/json.
  HttpResponse post_json(const std::string& target, const boost::json::value& body,
                         const Headers& headers = {});
  HttpResponse put_json(const std::string& target, const boost::json::value& body,
                        const Headers& headers = {});

  // TLS: the subject of the certificate the server presented on the current connection, as
  // OpenSSL prints it ("/CN=..."); empty before the first request or over plain TCP.
  std::string peer_subject() const;
  // Connections opened so far: 1 after any number of requests kept alive on one.
  int connections() const;

  // Headers that authenticate as a token.
  static Headers auth(const std::string& token) { return {{"Authorization", token}}; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned short port_;
};

// Standard base64 with padding, for Basic credentials.
std::string base64(std::string_view text);
// The Authorization header of HTTP Basic credentials.
inline Headers basic_auth(const std::string& login, const std::string& password) {
  return {{"Authorization", "Basic " + base64(login + ":" + password)}};
}

// Signs in and returns the token; fails the test when sign-in does not answer 201.
std::string sign_in(unsigned short port, const std::string& user, const std::string& password);

}  // namespace projectd::test
