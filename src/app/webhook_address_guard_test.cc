// The SSRF guard of webhook deliveries (webhook_address_guard.h).
#include "app/webhook_address_guard.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace projectd {
namespace {

bool guard_allows(const WebhookAddressGuard& guard, const std::string& text) {
  const auto address = WebhookAddressGuard::parse(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address && guard.allowed(*address);
}

TEST(WebhookAddressGuard, RefusesEveryNonPublicRangeAndItsMappedForm) {
  const WebhookAddressGuard guard({});
  for (const char* refused : {"127.0.0.1",
                              "127.255.0.9",
                              "10.1.2.3",
                              "172.16.0.1",
                              "172.31.255.255",
                              "192.168.1.1",
                              "169.254.169.254",
                              "100.64.0.1",
                              "100.127.255.255",
                              "0.0.0.0",
                              "224.0.0.1",
                              "255.255.255.255",
                              "::1",
                              "::",
                              "fc00::1",
                              "fd12:3456::1",
                              "fe80::1",
                              "ff02::1",
                              "::ffff:127.0.0.1",
                              "::ffff:10.0.0.1",
                              "::ffff:169.254.169.254"})
    EXPECT_FALSE(guard_allows(guard, refused)) << refused;
  for (const char* allowed : {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1",
                              "172.32.0.1", "2606:2800:220:1::1", "::ffff:93.184.216.34"})
    EXPECT_TRUE(guard_allows(guard, allowed)) << allowed;
}

TEST(WebhookAddressGuard, AnAllowedNetworkOpensExactlyThatRange) {
  const WebhookAddressGuard guard({"127.0.0.0/8", "fd00::/8", ""});
  EXPECT_TRUE(guard_allows(guard, "127.0.0.1"));
  EXPECT_TRUE(guard_allows(guard, "::ffff:127.0.0.1"));
  EXPECT_TRUE(guard_allows(guard, "fd12::1"));
  EXPECT_FALSE(guard_allows(guard, "10.0.0.1"));
  EXPECT_FALSE(guard_allows(guard, "::1"));
  EXPECT_FALSE(guard_allows(guard, "fc00::1"));
  const WebhookAddressGuard one({"10.1.2.3"});  // a bare address is /32
  EXPECT_TRUE(guard_allows(one, "10.1.2.3"));
  EXPECT_FALSE(guard_allows(one, "10.1.2.4"));
}

TEST(WebhookAddressGuard, ABadNetworkIsRefusedByName) {
  for (const char* bad : {"10.0.0.0/33", "nonsense", "10.0.0.0/x", "::/129", "10.0.0.0/8x"})
    EXPECT_THROW(WebhookAddressGuard({bad}), std::invalid_argument) << bad;
  EXPECT_FALSE(WebhookAddressGuard::parse("example.com").has_value());
}

}  // namespace
}  // namespace projectd
