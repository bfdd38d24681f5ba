#include "http_client.h"

#include <gtest/gtest.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace projectd::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct HttpClient::Impl {
  net::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  std::optional<net::ssl::context> tls;  // set: connect with TLS
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_stream;
  beast::flat_buffer buffer;
  std::string peer_subject;
  int connections = 0;

  bool connected() const { return tls ? tls_stream.has_value() : stream.has_value(); }
  void disconnect() {
    stream.reset();
    tls_stream.reset();
  }
  void connect(unsigned short port) {
    const tcp::endpoint server(net::ip::make_address("127.0.0.1"), port);
    buffer.clear();
    ++connections;
    if (!tls) {
      stream.emplace(ioc);
      stream->connect(server);
      return;
    }
    tls_stream.emplace(ioc, *tls);
    beast::get_lowest_layer(*tls_stream).connect(server);
    tls_stream->set_verify_callback(net::ssl::host_name_verification("127.0.0.1"));
    tls_stream->handshake(net::ssl::stream_base::client);
    X509* cert = SSL_get1_peer_certificate(tls_stream->native_handle());
    char* subject = cert ? X509_NAME_oneline(X509_get_subject_name(cert), nullptr, 0) : nullptr;
    peer_subject = subject ? subject : "";
    OPENSSL_free(subject);
    X509_free(cert);
  }
  template <class Request, class Parser>
  void exchange(Request& req, Parser& parser, beast::error_code& ec) {
    auto run = [&](auto& s) {
      http::write(s, req, ec);
      if (!ec) http::read(s, buffer, parser, ec);
    };
    if (tls) {
      run(*tls_stream);
    } else {
      run(*stream);
    }
  }
};

std::string HttpResponse::header(const std::string& name) const {
  for (const auto& [n, v] : headers)
    if (n == name) return v;
  return {};
}

boost::json::value HttpResponse::json() const {
  return boost::json::parse(body);
}

HttpClient::HttpClient(unsigned short port) : impl_(std::make_unique<Impl>()), port_(port) {}

HttpClient::HttpClient(unsigned short port, TlsTrust tls)
    : impl_(std::make_unique<Impl>()), port_(port) {
  impl_->tls.emplace(net::ssl::context::tls_client);
  impl_->tls->load_verify_file(tls.ca_file);
  impl_->tls->set_verify_mode(net::ssl::verify_peer);
}

std::string HttpClient::peer_subject() const {
  return impl_->peer_subject;
}

int HttpClient::connections() const {
  return impl_->connections;
}
HttpClient::~HttpClient() = default;

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const std::string& body, const Headers& headers) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!impl_->connected()) impl_->connect(port_);
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    for (const auto& [name, value] : headers)
      req.set(name, value);
    req.body() = body;
    if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();
    beast::error_code ec;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    // The answer to a HEAD has the GET's Content-Length and no body.
    parser.skip(method == "HEAD");
    impl_->exchange(req, parser, ec);
    if (ec) {
      // The server may have closed an idle keep-alive connection: reconnect once.
      impl_->disconnect();
      if (attempt == 0) continue;
      throw std::runtime_error("HTTP " + method + " " + target + " failed: " + ec.message());
    }
    auto res = parser.release();
    HttpResponse out;
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      out.headers.emplace_back(name, std::string(field.value()));
    }
    out.body = std::move(res.body());
    if (!res.keep_alive()) impl_->disconnect();
    return out;
  }
  throw std::logic_error("unreachable");
}

HttpResponse HttpClient::post_json(const std::string& target, const boost::json::value& body,
                                   const Headers& headers) {
  Headers all = headers;
  all.emplace_back("Content-Type", "application/json");
  return request("POST", target, boost::json::serialize(body), all);
}

HttpResponse HttpClient::put_json(const std::string& target, const boost::json::value& body,
                                  const Headers& headers) {
  Headers all = headers;
  all.emplace_back("Content-Type", "application/json");
  return request("PUT", target, boost::json::serialize(body), all);
}

std::string base64(std::string_view text) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, text.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k)
      group = group << 8 | (k < n ? static_cast<unsigned char>(text[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k)
      out += k <= n ? kDigits[(group >> (18 - 6 * k)) & 0x3f] : '=';
  }
  return out;
}

std::string sign_in(unsigned short port, const std::string& user, const std::string& password) {
  HttpClient client(port);
  const HttpResponse res =
      client.post_json("/api/2.0/authentication", {{"userName", user}, {"password", password}});
  EXPECT_EQ(res.status, 201) << res.body;
  if (res.status != 201) return {};
  return std::string(res.json().at("response").at("token").as_string());
}

}  // namespace projectd::test
