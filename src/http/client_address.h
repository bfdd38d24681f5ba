// Who the client is when projectd runs behind reverse proxies (docs/security.md, "Behind a
// proxy"). X-Forwarded-For and X-Forwarded-Proto are believed only when the TCP peer is in one of
// the trusted networks (`serve --trusted-proxy`): the client is then the right-most address of
// X-Forwarded-For that is not itself trusted (walking from the right, so a client cannot choose
// its address by sending its own header: what a trusted proxy appended wins); when every address
// is trusted, the left-most. A malformed X-Forwarded-For is the peer's address. A peer outside
// the trusted networks is the client, whatever its headers say.
// Pure functions and an immutable set: safe from any thread.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// One network: an address and a prefix length (a bare address is /32 or /128).
struct IpNetwork {
  boost::asio::ip::address base;
  unsigned prefix = 0;
  bool contains(const boost::asio::ip::address& address) const;
};

// "10.0.0.0/8", "fd00::/8", "127.0.0.1", "::1". Throws std::invalid_argument with a message
// naming the text when it is not a network (host bits set are allowed and ignored).
IpNetwork parse_ip_network(std::string_view text);

// An IPv4 address in IPv6 form (::ffff:10.0.0.1, a dual-stack socket's view) as IPv4.
boost::asio::ip::address unmapped(const boost::asio::ip::address& address);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Each item is one network or several separated by commas (blanks ignored). Throws
  // std::invalid_argument on a malformed one.
  explicit TrustedProxies(const std::vector<std::string>& items);
  bool empty() const { return networks_.empty(); }
  bool trusts(const boost::asio::ip::address& address) const;

 private:
  std::vector<IpNetwork> networks_;
};

struct ClientOrigin {
  std::string address;  // the client's address as text; the peer's when nothing is believed
  bool https = false;   // a trusted proxy said X-Forwarded-Proto: https
};

// `peer`: the TCP peer's address as text; `forwarded_for`: every X-Forwarded-For header of the
// request joined with commas (empty: none); `forwarded_proto`: the first X-Forwarded-Proto.
ClientOrigin client_origin_of(std::string_view peer, std::string_view forwarded_for,
                              std::string_view forwarded_proto, const TrustedProxies& trusted);

}  // namespace projectd
