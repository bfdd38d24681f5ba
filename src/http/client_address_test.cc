#include "http/client_address.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace projectd {
namespace {

TrustedProxies client_address_trusting(std::vector<std::string> items) {
  return TrustedProxies(items);
}

TEST(ClientAddress, NetworksOfBothFamiliesAndBareAddresses) {
  const TrustedProxies trusted =
      client_address_trusting({"10.0.0.0/8, 192.168.1.7", "fd00::/8", "::1"});
  const auto ip = [](const char* text) { return boost::asio::ip::make_address(text); };
  EXPECT_TRUE(trusted.trusts(ip("10.255.0.1")));
  EXPECT_FALSE(trusted.trusts(ip("11.0.0.1")));
  EXPECT_TRUE(trusted.trusts(ip("192.168.1.7")));
  EXPECT_FALSE(trusted.trusts(ip("192.168.1.8")));
  EXPECT_TRUE(trusted.trusts(ip("fd12:3456::1")));
  EXPECT_FALSE(trusted.trusts(ip("fe80::1")));
  EXPECT_TRUE(trusted.trusts(ip("::1")));
  EXPECT_FALSE(trusted.trusts(ip("::2")));
  EXPECT_TRUE(trusted.trusts(ip("::ffff:10.1.2.3")));  // a dual-stack socket's IPv4 peer
  EXPECT_TRUE(client_address_trusting({"0.0.0.0/0"}).trusts(ip("203.0.113.9")));
  EXPECT_FALSE(client_address_trusting({"0.0.0.0/0"}).trusts(ip("2001:db8::1")));
  EXPECT_TRUE(client_address_trusting({"10.1.2.0/23"}).trusts(ip("10.1.3.255")));
  EXPECT_FALSE(client_address_trusting({"10.1.2.0/23"}).trusts(ip("10.1.4.0")));
  EXPECT_TRUE(client_address_trusting({}).empty());
}

TEST(ClientAddress, MalformedNetworksAreRefusedWithTheirText) {
  for (const char* bad : {"10.0.0.0/33", "::/129", "10.0.0/8", "host.example", "10.0.0.1/", "/8",
                          "10.0.0.1/x", "10.0.0.1/-1"}) {
    try {
      parse_ip_network(bad);
      ADD_FAILURE() << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
}

TEST(ClientAddress, AnUntrustedPeerIsTheClientWhateverItsHeadersSay) {
  const TrustedProxies trusted = client_address_trusting({"10.0.0.1"});
  const ClientOrigin origin = client_origin_of("203.0.113.5", "198.51.100.1", "https", trusted);
  EXPECT_EQ(origin.address, "203.0.113.5");
  EXPECT_FALSE(origin.https);
  EXPECT_EQ(client_origin_of("127.0.0.1", "198.51.100.1", "https", TrustedProxies()).address,
            "127.0.0.1");
}

TEST(ClientAddress, ATrustedPeerNamesTheRightMostUntrustedAddress) {
  const TrustedProxies trusted = client_address_trusting({"10.0.0.0/8"});
  // The client sent "1.1.1.1" itself; the proxy appended the address it saw.
  EXPECT_EQ(client_origin_of("10.0.0.1", "1.1.1.1, 198.51.100.7", "", trusted).address,
            "198.51.100.7");
  // Two proxies in the trusted network: walk past them.
  EXPECT_EQ(client_origin_of("10.0.0.1", "1.1.1.1,198.51.100.7, 10.0.0.2", "", trusted).address,
            "198.51.100.7");
  // Every hop is trusted: the left-most.
  EXPECT_EQ(client_origin_of("10.0.0.1", "10.0.0.3, 10.0.0.2", "", trusted).address, "10.0.0.3");
  EXPECT_EQ(client_origin_of("10.0.0.1", "2001:DB8::1", "", trusted).address, "2001:db8::1");
  EXPECT_EQ(client_origin_of("10.0.0.1", "[2001:db8::2]", "", trusted).address, "2001:db8::2");
  EXPECT_EQ(client_origin_of("::ffff:10.0.0.1", "198.51.100.8", "", trusted).address,
            "198.51.100.8");
}

TEST(ClientAddress, AMalformedOrMissingHeaderIsThePeer) {
  const TrustedProxies trusted = client_address_trusting({"10.0.0.0/8"});
  for (const char* bad : {"", "  ", "unknown", "1.1.1.1,", "1.1.1.1, junk", "1.1.1.1:443",
                          ",1.1.1.1", "1.1.1.1;2.2.2.2"})
    EXPECT_EQ(client_origin_of("10.0.0.1", bad, "", trusted).address, "10.0.0.1") << bad;
}

TEST(ClientAddress, ForwardedProtoIsBelievedOnlyFromATrustedPeer) {
  const TrustedProxies trusted = client_address_trusting({"10.0.0.0/8"});
  EXPECT_TRUE(client_origin_of("10.0.0.1", "", "https", trusted).https);
  EXPECT_TRUE(client_origin_of("10.0.0.1", "", " HTTPS , http", trusted).https);
  EXPECT_FALSE(client_origin_of("10.0.0.1", "", "http", trusted).https);
  EXPECT_FALSE(client_origin_of("10.0.0.1", "", "", trusted).https);
  EXPECT_FALSE(client_origin_of("192.0.2.1", "", "https", trusted).https);
}

}  // namespace
}  // namespace projectd
