// The portal's own calls (src/api/portal/portal_api.cc): what the official mobile app asks before
// its login form appears (GET capabilities, anonymous, with an empty Authorization header) and
// right after signing in (POST portal/mobile/registration), and the versions.
#include "project_test_support.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

class PortalTest : public ProjectSuite {};

// Exactly as the mobile app sends it before login: the header is present and empty.
const Headers kEmptyAuthorization = {{"Authorization", ""}, {"Accept", "application/json"}};

TEST_F(PortalTest, CapabilitiesAnswerAnonymousCallersWithRealBooleans) {
  for (const Headers& headers :
       {Headers{}, kEmptyAuthorization, admin(), Headers{{"Authorization", "not-a-token"}}}) {
    const HttpResponse res = HttpClient(port()).get("/api/2.0/capabilities", headers);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_NE(res.header("content-type").find("charset=utf-8"), std::string::npos);
    const boost::json::value caps = res.json().at("response");
    EXPECT_EQ(keys_of(caps.as_object()),
              (std::vector<std::string>{"ldapEnabled", "oauthEnabled", "providers", "ssoLabel",
                                        "ssoUrl"}));
    EXPECT_TRUE(caps.at("ldapEnabled").is_bool());
    EXPECT_EQ(caps.at("ldapEnabled"), false);
    EXPECT_EQ(caps.at("oauthEnabled"), false);
    EXPECT_EQ(caps.at("providers"), boost::json::array());
    EXPECT_EQ(caps.at("ssoLabel"), "");
    EXPECT_EQ(caps.at("ssoUrl"), "");
  }
  const HttpResponse xml = HttpClient(port()).get("/api/2.0/capabilities.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<ldapEnabled>false</ldapEnabled>"), std::string::npos) << xml.body;
}

TEST_F(PortalTest, SigningInWithTheAppsEmptyAuthorizationHeaderWorks) {
  Headers headers = kEmptyAuthorization;
  const HttpResponse res = HttpClient(port()).post_json(
      "/api/2.0/authentication", {{"userName", kAdminEmail}, {"password", kAdminPassword}},
      headers);
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_TRUE(res.json().at("response").at("token").is_string());
}

TEST_F(PortalTest, TheMobileRegistrationIsAcceptedForASignedInCallerOnly) {
  const HttpResponse res = HttpClient(port()).post_json("/api/2.0/portal/mobile/registration",
                                                        {{"type", 3}, {"unused", "x"}}, admin());
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.json().at("response"), boost::json::object());
  EXPECT_EQ(
      HttpClient(port())
          .post_json("/api/2.0/portal/mobile/registration", {{"type", 3}}, kEmptyAuthorization)
          .status,
      401);
}

TEST_F(PortalTest, TheVersionsAnswerInTheOriginalsShape) {
  const HttpResponse build = HttpClient(port()).get("/api/2.0/settings/version/build");
  ASSERT_EQ(build.status, 200) << build.body;
  const boost::json::object version = build.json().at("response").as_object();
  EXPECT_EQ(keys_of(version), std::vector<std::string>{"communityServer"});
  EXPECT_EQ(version.at("communityServer"), PROJECTD_VERSION);

  EXPECT_EQ(HttpClient(port()).get("/api/2.0/settings/version").status, 401);
  const boost::json::value versions = get_ok("/api/2.0/settings/version", admin());
  EXPECT_EQ(versions.at("current"), 1);
  ASSERT_EQ(versions.at("versions").as_array().size(), 1u);
  EXPECT_EQ(versions.at("versions").at(0).at("id"), 1);
  EXPECT_TRUE(versions.at("versions").at(0).at("name").is_string());
}

}  // namespace
}  // namespace projectd::test
