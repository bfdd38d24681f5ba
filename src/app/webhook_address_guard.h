// The SSRF guard of webhook deliveries (docs/notifications.md, "## Webhooks"): every address a
// webhook host resolves to is checked before connecting, and loopback, link-local, private
// (RFC 1918, fc00::/7), unspecified, multicast, CGNAT (100.64.0.0/10) and the IPv4-mapped forms
// of those are refused unless an allowed network (serve --webhook-allow-network CIDR) covers the
// address. The channel then connects to exactly the checked addresses (CURLOPT_RESOLVE), so a
// second DNS answer cannot slip another address in.
// Thread safety: immutable after construction.
#pragma once

#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

class WebhookAddressGuard {
 public:
  // Throws std::invalid_argument naming a CIDR that does not parse.
  explicit WebhookAddressGuard(const std::vector<std::string>& allowed_networks);
  // Whether a delivery may connect to this address (16 bytes: IPv6, or IPv4 mapped).
  bool allowed(const std::array<std::uint8_t, 16>& address) const;

  // An address in the 16-byte form from text ("127.0.0.1", "::1"); nullopt when it is none.
  static std::optional<std::array<std::uint8_t, 16>> parse(const std::string& text);

 private:
  struct Network {
    std::array<std::uint8_t, 16> base{};
    int prefix = 0;  // bits, of the 16-byte form
  };
  static bool in_network(const std::array<std::uint8_t, 16>& address, const Network& network);
  static Network parse_cidr(const std::string& cidr);

  std::vector<Network> allowed_;
  std::vector<Network> refused_;
};

}  // namespace projectd
