#include "http/client_address.h"

#include "base/ascii.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace projectd {

namespace {

using boost::asio::ip::address;

std::optional<address> address_of_text(std::string_view text) {
  // An IPv6 address may come in brackets ("[::1]"), as in a URL's authority.
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  boost::system::error_code ec;
  const address parsed = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return unmapped(parsed);
}

// The X-Forwarded-For list, left to right; nullopt when any item is not an address.
std::optional<std::vector<address>> forwarded_addresses(std::string_view header) {
  std::vector<address> addresses;
  while (true) {
    const std::size_t comma = header.find(',');
    const std::string_view item = ascii::trim(header.substr(0, comma));
    const auto parsed = address_of_text(item);
    if (!parsed) return std::nullopt;
    addresses.push_back(*parsed);
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return addresses;
}

}  // namespace

address unmapped(const address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped())
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  return a;
}

bool IpNetwork::contains(const address& candidate) const {
  const address a = unmapped(candidate);
  if (a.is_v4() != base.is_v4()) return false;
  const auto bytes_of = [](const address& x) {
    std::array<unsigned char, 16> out{};
    if (x.is_v4()) {
      const auto v4 = x.to_v4().to_bytes();
      std::copy(v4.begin(), v4.end(), out.begin());
    } else {
      out = x.to_v6().to_bytes();
    }
    return out;
  };
  const auto want = bytes_of(base);
  const auto have = bytes_of(a);
  unsigned bits = prefix;
  for (std::size_t i = 0; bits > 0; ++i, bits = bits >= 8 ? bits - 8 : 0) {
    const unsigned char mask = bits >= 8 ? 0xFF : static_cast<unsigned char>(0xFF << (8 - bits));
    if ((want[i] & mask) != (have[i] & mask)) return false;
  }
  return true;
}

IpNetwork parse_ip_network(std::string_view text) {
  const std::string_view trimmed = ascii::trim(text);
  const std::size_t slash = trimmed.find('/');
  const auto base = address_of_text(trimmed.substr(0, slash));
  const auto invalid = [&] {
    return std::invalid_argument("not an IP address or network (CIDR): '" + std::string(text) +
                                 "'");
  };
  if (!base) throw invalid();
  const unsigned width = base->is_v4() ? 32 : 128;
  unsigned prefix = width;
  if (slash != std::string_view::npos) {
    const std::string_view digits = trimmed.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
        prefix > width)
      throw invalid();
  }
  return IpNetwork{*base, prefix};
}

TrustedProxies::TrustedProxies(const std::vector<std::string>& items) {
  for (std::string_view item : items) {
    while (true) {
      const std::size_t comma = item.find(',');
      const std::string_view one = ascii::trim(item.substr(0, comma));
      if (!one.empty()) networks_.push_back(parse_ip_network(one));
      if (comma == std::string_view::npos) break;
      item.remove_prefix(comma + 1);
    }
  }
}

bool TrustedProxies::trusts(const address& a) const {
  for (const IpNetwork& network : networks_)
    if (network.contains(a)) return true;
  return false;
}

ClientOrigin client_origin_of(std::string_view peer, std::string_view forwarded_for,
                              std::string_view forwarded_proto, const TrustedProxies& trusted) {
  const auto peer_address = address_of_text(peer);
  ClientOrigin origin{peer_address ? peer_address->to_string() : std::string(peer), false};
  if (!peer_address || !trusted.trusts(*peer_address)) return origin;
  const std::string_view proto = ascii::trim(forwarded_proto.substr(0, forwarded_proto.find(',')));
  origin.https = ascii::iequals(proto, "https");
  if (ascii::trim(forwarded_for).empty()) return origin;
  const auto chain = forwarded_addresses(forwarded_for);
  if (!chain) return origin;
  for (auto it = chain->rbegin(); it != chain->rend(); ++it) {
    if (!trusted.trusts(*it)) {
      origin.address = it->to_string();
      return origin;
    }
  }
  origin.address = chain->front().to_string();
  return origin;
}

}  // namespace projectd
