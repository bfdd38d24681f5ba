// `projectd serve --config FILE` (app/config_file.h): the file, the environment and the flags set
// the same options with precedence flags > environment > file, seen through what the running server
// does; an unknown key or a bad value stops the start naming the key; the example file
// packaging/projectd.conf names every serve option and is accepted at its defaults.
#include "files_test_support.h"
#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace projectd::test {
namespace {

constexpr std::int64_t kMiB = 1024 * 1024;

std::string write_config(const TempDir& dir, const std::string& text) {
  const std::string path = dir.path() + "/projectd.conf";
  std::ofstream(path) << text;
  return path;
}

std::map<std::string, std::string> admin_env_with(const std::map<std::string, std::string>& more) {
  auto env = TestServer::admin_env();
  env.insert(more.begin(), more.end());
  return env;
}

// --max-upload-mb as the server applies it: GET files/settings's maxUploadSize.
std::int64_t served_max_upload(const TestServer& server) {
  const std::string token = sign_in(server.port(), kAdminEmail, kAdminPassword);
  const auto response =
      files_request(server.port(), "GET", "settings", "", HttpClient::auth(token));
  EXPECT_EQ(response.status, 200) << response.body;
  return response.json().at("response").at("maxUploadSize").as_int64();
}

// --public-url as the server applies it: the absolute `location` of a chunked upload session.
std::string served_location(const TestServer& server) {
  const std::string token = sign_in(server.port(), kAdminEmail, kAdminPassword);
  HttpClient client(server.port());
  const auto response = client.post_json(
      files_path("@my/upload/create_session"),
      boost::json::object{{"fileName", "a.txt"}, {"fileSize", 3}}, HttpClient::auth(token));
  EXPECT_EQ(response.status, 201) << response.body;
  return std::string(response.json().at("response").at("data").at("location").as_string());
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

TEST(ConfigFile, FlagsBeatTheEnvironmentWhichBeatsTheFile) {
  TempDir dir;
  // The file's listen is overridden by the test server's --listen 127.0.0.1:0 flag.
  const std::string path = write_config(dir,
                                        "# a comment\n"
                                        "listen = \"127.0.0.1:1\"\n"
                                        "max-upload-mb = \"7\"\n"
                                        "public-url = \"http://file.example\"\n");
  {
    // One option in all three places, another in the file and the environment.
    TestServer server({"--config", path, "--max-upload-mb", "9"}, "",
                      admin_env_with({{"PROJECTD_MAX_UPLOAD_MB", "8"},
                                      {"PROJECTD_PUBLIC_URL", "http://env.example"}}));
    EXPECT_EQ(served_max_upload(server), 9 * kMiB);
    EXPECT_TRUE(starts_with(served_location(server), "http://env.example/"))
        << served_location(server);
  }
  {
    TestServer server({"--config", path}, "", admin_env_with({{"PROJECTD_MAX_UPLOAD_MB", "8"}}));
    EXPECT_EQ(served_max_upload(server), 8 * kMiB);
    EXPECT_TRUE(starts_with(served_location(server), "http://file.example/"))
        << served_location(server);
  }
  {
    // PROJECTD_CONFIG names the file as --config does.
    TestServer server({}, "", admin_env_with({{"PROJECTD_CONFIG", path}}));
    EXPECT_EQ(served_max_upload(server), 7 * kMiB);
  }
}

TEST(ConfigFile, AnUnknownKeyOrABadValueStopsTheStartNamingTheKey) {
  TempDir dir;
  TempDir data;
  const std::vector<std::pair<std::string, std::vector<std::string>>> bad = {
      {"max-uplod-mb = \"7\"\n", {"unknown key 'max-uplod-mb'"}},
      {"listen = \"127.0.0.1:0\"\nverbose = \"true\"\n", {"unknown key 'verbose'"}},
      {"max-upload-mb = \"0\"\n", {"max-upload-mb", "0"}},
      {"workers = \"many\"\n", {"workers", "many"}},
      {"log-level = \"loud\"\n", {"log-level", "loud"}},
      {"node = \"../other\"\n", {"node", "letters, digits"}},
      {"[serve]\nlisten = \"127.0.0.1:0\"\n", {"sections"}},
      {"config = \"/etc/other.conf\"\n", {"unknown key 'config'"}},
  };
  for (const auto& [text, wanted] : bad) {
    const std::string path = write_config(dir, text);
    const auto refused = run_projectd({"serve", "--config", path, "--data", data.path()});
    EXPECT_NE(refused.exit_code, 0) << text;
    EXPECT_NE(refused.output.find(path), std::string::npos) << refused.output;
    for (const std::string& part : wanted)
      EXPECT_NE(refused.output.find(part), std::string::npos) << text << refused.output;
  }
  const auto missing =
      run_projectd({"serve", "--config", dir.path() + "/none.conf", "--data", data.path()});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.output.find("none.conf"), std::string::npos) << missing.output;
  // The four options that had no variable before have one now, checked like the flag.
  for (const auto& [variable, flag] :
       std::map<std::string, std::string>{{"PROJECTD_IO_THREADS", "--io-threads"},
                                          {"PROJECTD_WORKERS", "--workers"},
                                          {"PROJECTD_HEADER_TIMEOUT_MS", "--header-timeout-ms"},
                                          {"PROJECTD_BODY_TIMEOUT_MS", "--body-timeout-ms"}}) {
    const auto refused = run_projectd({"serve", "--data", data.path()}, {{variable, "-1"}});
    EXPECT_NE(refused.exit_code, 0) << variable;
    EXPECT_NE(refused.output.find(flag), std::string::npos) << refused.output;
  }
  // Refused before anything was opened or made.
  EXPECT_TRUE(std::filesystem::is_empty(data.path()));
}

// Every long flag of `serve --help` but --help and --config.
std::set<std::string> serve_option_names() {
  const auto help = run_projectd({"serve", "--help"});
  std::set<std::string> names;
  const std::regex flag("--([a-z][a-z-]*)");
  for (std::sregex_iterator it(help.output.begin(), help.output.end(), flag), end; it != end; ++it)
    names.insert((*it)[1]);
  names.erase("help");
  names.erase("config");
  return names;
}

TEST(ConfigFile, TheExampleFileNamesEveryOptionAndIsAcceptedAtItsDefaults) {
  std::ifstream in(PROJECTD_EXAMPLE_CONFIG);
  ASSERT_TRUE(in) << PROJECTD_EXAMPLE_CONFIG;
  std::stringstream text;
  text << in.rdbuf();
  // Each option as a commented `# key = "default"` line; uncommented, they must all be accepted.
  const std::regex option_line("^# ([a-z][a-z-]*) = (\"[^\"]*\")$");
  std::set<std::string> named;
  std::string uncommented;
  std::string line;
  while (std::getline(text, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, option_line)) continue;
    named.insert(m[1]);
    uncommented += std::string(m[1]) + " = " + std::string(m[2]) + "\n";
  }
  const std::set<std::string> options = serve_option_names();
  EXPECT_GT(options.size(), 20u);
  EXPECT_EQ(named, options);

  TempDir dir;
  const std::string path = write_config(dir, uncommented);
  // The flags the test server adds (listen, data, store) take precedence over the file's.
  TestServer server({"--config", path});
  EXPECT_EQ(served_max_upload(server), 100 * kMiB);
}

}  // namespace
}  // namespace projectd::test
