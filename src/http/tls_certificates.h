// The certificate and key projectd serves HTTPS with (`--tls-cert`, `--tls-key`; README "TLS",
// docs/security.md "TLS"): loaded into an OpenSSL context with Mozilla's "intermediate" settings
// (TLS 1.2 and 1.3 only, forward-secret AEAD ciphers, no compression, no renegotiation, no session
// tickets). reload() loads the files again into a new context (SIGHUP): new connections get the
// new one, connections already open keep the one they started with (they hold its shared_ptr);
// a pair that does not load leaves the old one in place.
// Thread safety: current() and reload() may be called from any thread at once.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace projectd {

class TlsCertificates {
 public:
  // Loads the pair. Throws std::runtime_error naming the file when one is missing or unreadable,
  // is not PEM, or the key does not belong to the certificate.
  TlsCertificates(std::filesystem::path cert_file, std::filesystem::path key_file);
  ~TlsCertificates();

  // The context a new connection uses.
  std::shared_ptr<boost::asio::ssl::context> current() const;
  // Loads the same two paths again; throws as the constructor does, and then keeps serving the
  // pair it had.
  void reload();
  // "subject ..., serial ..." of the certificate served now, for the log.
  std::string describe() const;

 private:
  const std::filesystem::path cert_file_;
  const std::filesystem::path key_file_;
  mutable std::mutex mutex_;
  std::shared_ptr<boost::asio::ssl::context> context_;
};

}  // namespace projectd
