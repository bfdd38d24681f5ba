#include "http/tls_certificates.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509err.h>
#include <boost/asio/ssl/context.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace projectd {

namespace ssl = boost::asio::ssl;

namespace {

// Mozilla's "intermediate" TLS 1.2 list (ssl-config.mozilla.org, version 5.7): ECDHE and DHE key
// exchange with AES-GCM or ChaCha20-Poly1305 only. TLS 1.3 keeps OpenSSL's own suites, which are
// exactly the ones that profile names.
constexpr const char* kTlsIntermediateCiphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

// OpenSSL's reason for a failure; its error queue is cleared so the next call starts clean.
std::string tls_openssl_reason(const boost::system::error_code& ec) {
  std::string reason = ec.message();
  ERR_clear_error();
  return reason;
}

// A file the process cannot open is named with the system's reason, before OpenSSL's vaguer one.
void require_readable_tls_file(const std::filesystem::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(std::string("cannot read the TLS ") + what + " " + path.string() +
                             ": " + std::strerror(errno));
  }
}

std::shared_ptr<ssl::context> load_tls_context(const std::filesystem::path& cert_file,
                                               const std::filesystem::path& key_file) {
  require_readable_tls_file(cert_file, "certificate");
  require_readable_tls_file(key_file, "key");
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                       ssl::context::no_compression | ssl::context::single_dh_use);
  SSL_CTX* native = context->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET);
  SSL_CTX_set_dh_auto(native, 1);
  if (SSL_CTX_set_cipher_list(native, kTlsIntermediateCiphers) != 1)
    throw std::runtime_error("OpenSSL accepts none of the TLS 1.2 ciphers projectd asks for");
  boost::system::error_code ec;
  context->use_certificate_chain_file(cert_file.string(), ec);
  if (ec) {
    throw std::runtime_error("cannot load the TLS certificate " + cert_file.string() +
                             " (a PEM certificate, its chain after it): " + tls_openssl_reason(ec));
  }
  context->use_private_key_file(key_file.string(), ssl::context::pem, ec);
  // OpenSSL checks the key against the certificate as it loads it.
  const bool mismatch =
      ec && ec.category() == boost::asio::error::get_ssl_category() &&
      ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH;
  if (mismatch || (!ec && SSL_CTX_check_private_key(native) != 1)) {
    ERR_clear_error();
    throw std::runtime_error("the TLS key " + key_file.string() +
                             " does not belong to the certificate " + cert_file.string());
  }
  if (ec) {
    throw std::runtime_error(
        "cannot load the TLS key " + key_file.string() +
        " (a PEM private key without a passphrase): " + tls_openssl_reason(ec));
  }
  return context;
}

}  // namespace

TlsCertificates::TlsCertificates(std::filesystem::path cert_file, std::filesystem::path key_file)
    : cert_file_(std::move(cert_file)),
      key_file_(std::move(key_file)),
      context_(load_tls_context(cert_file_, key_file_)) {}

TlsCertificates::~TlsCertificates() = default;

std::shared_ptr<ssl::context> TlsCertificates::current() const {
  std::lock_guard lock(mutex_);
  return context_;
}

void TlsCertificates::reload() {
  auto fresh = load_tls_context(cert_file_, key_file_);  // throws, and the old one stays
  std::lock_guard lock(mutex_);
  context_ = std::move(fresh);
}

std::string TlsCertificates::describe() const {
  const auto context = current();
  X509* cert = SSL_CTX_get0_certificate(context->native_handle());
  if (cert == nullptr) return "no certificate";
  std::string out = "subject ";
  char* subject = X509_NAME_oneline(X509_get_subject_name(cert), nullptr, 0);
  out += subject != nullptr ? subject : "?";
  OPENSSL_free(subject);
  out += ", serial ";
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get_serialNumber(cert), nullptr);
  char* hex = serial != nullptr ? BN_bn2hex(serial) : nullptr;
  out += hex != nullptr ? hex : "?";
  OPENSSL_free(hex);
  BN_free(serial);
  return out;
}

}  // namespace projectd
