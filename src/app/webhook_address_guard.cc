// The SSRF guard of webhook deliveries (webhook_address_guard.h).
#include "app/webhook_address_guard.h"

#include <arpa/inet.h>

#include <stdexcept>

namespace projectd {

std::optional<std::array<std::uint8_t, 16>> WebhookAddressGuard::parse(const std::string& text) {
  std::array<std::uint8_t, 16> out{};
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    out[10] = 0xff;
    out[11] = 0xff;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(&v4.s_addr);
    for (int i = 0; i < 4; ++i)
      out[12 + i] = bytes[i];
    return out;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    for (int i = 0; i < 16; ++i)
      out[i] = v6.s6_addr[i];
    return out;
  }
  return std::nullopt;
}

WebhookAddressGuard::Network WebhookAddressGuard::parse_cidr(const std::string& cidr) {
  const auto slash = cidr.find('/');
  const std::string host = cidr.substr(0, slash);
  const auto base = parse(host);
  if (!base) throw std::invalid_argument("not a network: " + cidr);
  const bool v4 = host.find(':') == std::string::npos;
  int prefix = v4 ? 32 : 128;
  if (slash != std::string::npos) {
    try {
      std::size_t used = 0;
      prefix = std::stoi(cidr.substr(slash + 1), &used);
      if (used != cidr.size() - slash - 1) throw std::invalid_argument(cidr);
    } catch (const std::exception&) {
      throw std::invalid_argument("not a network: " + cidr);
    }
    if (prefix < 0 || prefix > (v4 ? 32 : 128))
      throw std::invalid_argument("not a network: " + cidr);
  }
  return Network{*base, v4 ? prefix + 96 : prefix};
}

bool WebhookAddressGuard::in_network(const std::array<std::uint8_t, 16>& address,
                                     const Network& network) {
  for (int bit = 0; bit < network.prefix; ++bit) {
    const int byte = bit / 8;
    const std::uint8_t mask = static_cast<std::uint8_t>(0x80 >> (bit % 8));
    if ((address[byte] & mask) != (network.base[byte] & mask)) return false;
  }
  return true;
}

WebhookAddressGuard::WebhookAddressGuard(const std::vector<std::string>& allowed_networks) {
  for (const std::string& cidr : allowed_networks)
    if (!cidr.empty()) allowed_.push_back(parse_cidr(cidr));  // "" (the file's default): none
  // IPv4 ones match their IPv4-mapped form, which is how parse() holds every IPv4 address.
  for (const char* cidr :
       {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
        "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "::/96"})
    refused_.push_back(parse_cidr(cidr));
}

bool WebhookAddressGuard::allowed(const std::array<std::uint8_t, 16>& address) const {
  for (const Network& network : allowed_)
    if (in_network(address, network)) return true;
  for (const Network& network : refused_)
    if (in_network(address, network)) return false;
  return true;
}

}  // namespace projectd
