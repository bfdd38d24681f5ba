// Uploads and downloads through the dispatcher, with test routes of their own: spooled bodies
// become uploads and parameters, unadopted files are deleted, FileResponse gets its headers.
#include "blob/spool_writer.h"
#include "blob/test_temp_dir.h"
#include "http/dispatcher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace projectd {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;

class NobodyAuthenticator : public Authenticator {
 public:
  std::optional<Caller> authenticate(const std::vector<Credential>&, const std::string&) override {
    return std::nullopt;
  }
};

std::string file_contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Seen {
  std::vector<std::string> contents, filenames, content_types, sha256s;
  std::vector<fs::path> paths;
  bool raw = false;
  std::string title;
};

class DispatcherFiles : public ::testing::Test {
 protected:
  DispatcherFiles() {
    Route upload{http::verb::post,
                 "upload",
                 "test upload",
                 "test",
                 false,
                 10 * 1024 * 1024,
                 {},
                 [this](RequestContext& context) -> HandlerResult {
                   seen_ = Seen{};
                   seen_.raw = context.raw_upload;
                   seen_.title = context.params.get_string("title").value_or("");
                   for (const SpooledFile& file : context.uploads) {
                     seen_.contents.push_back(file_contents(file.path()));
                     seen_.filenames.push_back(file.filename);
                     seen_.content_types.push_back(file.content_type);
                     seen_.sha256s.push_back(file.sha256());
                     seen_.paths.push_back(file.path());
                   }
                   return ApiResponse{};
                 }};
    upload.streams_body = true;
    table_.add(std::move(upload));
    table_.add(Route{http::verb::get,
                     "download",
                     "test download",
                     "test",
                     false,
                     kApiBodyLimit,
                     {},
                     [this](RequestContext&) -> HandlerResult { return download_; }});
    dispatcher_.emplace(table_, authenticator_, DispatchOptions{});
  }

  // A request whose body was spooled into the scratch directory, as the server does.
  IncomingRequest spooled(std::string_view body, HeaderList headers) {
    IncomingRequest request;
    request.method = http::verb::post;
    request.target = "/upload";
    request.headers = std::move(headers);
    SpoolWriter writer(dir_.path());
    writer.write(body);
    request.spooled_body = writer.finish();
    return request;
  }

  OutgoingResponse get(HeaderList headers) {
    IncomingRequest request;
    request.method = http::verb::get;
    request.target = "/download";
    request.headers = std::move(headers);
    return dispatcher_->handle(request);
  }

  testing::ScratchDir dir_;
  RouteTable table_;
  NobodyAuthenticator authenticator_;
  std::optional<Dispatcher> dispatcher_;
  Seen seen_;
  FileResponse download_;
};

std::string header_of(const OutgoingResponse& out, std::string_view name) {
  for (const auto& [key, value] : out.headers)
    if (key == name) return value;
  return "<absent>";
}

constexpr char kMultipartType[] = "multipart/form-data; boundary=XyZ";

TEST_F(DispatcherFiles, MultipartFilesBecomeUploadsAndFieldsParams) {
  IncomingRequest request = spooled(
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy title\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%D0%AF.bin\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\x01\x02\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"unused\"; filename=\"\"\r\n\r\n\r\n"
      "--XyZ--\r\n",
      {{"content-type", kMultipartType}});
  const OutgoingResponse out = dispatcher_->handle(request);
  EXPECT_EQ(out.status, 201) << out.body;
  EXPECT_FALSE(seen_.raw);
  EXPECT_EQ(seen_.title, "My title");
  ASSERT_EQ(seen_.contents.size(), 2u);
  EXPECT_EQ(seen_.contents[0], "abc");
  EXPECT_EQ(seen_.filenames[0], "a.txt");
  EXPECT_EQ(seen_.content_types[0], "text/plain");
  EXPECT_EQ(seen_.sha256s[0], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(seen_.contents[1], "\x01\x02");
  EXPECT_EQ(seen_.filenames[1], "Я.bin");
  EXPECT_EQ(seen_.content_types[1], "application/octet-stream");
  EXPECT_EQ(seen_.paths[0].parent_path(), dir_.path());
  // Neither the raw spool nor the unadopted uploads outlive the request.
  EXPECT_FALSE(request.spooled_body);
  EXPECT_TRUE(fs::is_empty(dir_.path()));
}

TEST_F(DispatcherFiles, RawBodyIsOneUploadNamedByContentDisposition) {
  IncomingRequest request = spooled(
      "raw bytes", {{"content-type", "image/png"},
                    {"content-disposition",
                     "attachment; filename=\"fallback.png\"; filename*=UTF-8''r%C3%A9el.png"}});
  EXPECT_EQ(dispatcher_->handle(request).status, 201);
  EXPECT_TRUE(seen_.raw);
  ASSERT_EQ(seen_.contents.size(), 1u);
  EXPECT_EQ(seen_.contents[0], "raw bytes");
  EXPECT_EQ(seen_.filenames[0], "réel.png");
  EXPECT_EQ(seen_.content_types[0], "image/png");
  EXPECT_TRUE(fs::is_empty(dir_.path()));
}

TEST_F(DispatcherFiles, EmptyBodyHasNoUploads) {
  IncomingRequest request = spooled("", {{"content-type", kMultipartType}});
  EXPECT_EQ(dispatcher_->handle(request).status, 201);
  EXPECT_FALSE(seen_.raw);
  EXPECT_TRUE(seen_.contents.empty());
  EXPECT_TRUE(fs::is_empty(dir_.path()));
}

TEST_F(DispatcherFiles, MalformedMultipartIs400AndLeavesNothing) {
  IncomingRequest request =
      spooled("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nabc",
              {{"content-type", kMultipartType}});
  EXPECT_EQ(dispatcher_->handle(request).status, 400);
  EXPECT_TRUE(fs::is_empty(dir_.path()));
  IncomingRequest no_boundary = spooled("x", {{"content-type", "multipart/form-data"}});
  EXPECT_EQ(dispatcher_->handle(no_boundary).status, 400);
  EXPECT_TRUE(fs::is_empty(dir_.path()));
}

TEST_F(DispatcherFiles, OversizedFieldIs400) {
  const std::string big(1024 * 1024 + 1, 'x');
  IncomingRequest request = spooled(
      "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" +
          big + "\r\n--XyZ--\r\n",
      {{"content-type", kMultipartType}});
  const OutgoingResponse out = dispatcher_->handle(request);
  EXPECT_EQ(out.status, 400);
  EXPECT_NE(out.body.find("larger than 1 MiB"), std::string::npos) << out.body;
  EXPECT_TRUE(fs::is_empty(dir_.path()));
}

TEST_F(DispatcherFiles, SpoolOfAnUnknownRouteIsDeleted) {
  IncomingRequest request = spooled("abc", {});
  request.target = "/nowhere";
  EXPECT_EQ(dispatcher_->handle(request).status, 404);
  EXPECT_TRUE(fs::is_empty(dir_.path()));
}

TEST_F(DispatcherFiles, RouteMatchesOnceAndNamesSpoolingRoutes) {
  const auto policy_of = [this](http::verb method, std::string target) {
    IncomingRequest request;
    request.method = method;
    request.target = std::move(target);
    const BodyPolicy policy = dispatcher_->route(request, true);
    EXPECT_TRUE(request.routed);
    return std::make_pair(policy, std::move(request));
  };
  const auto [upload, upload_request] = policy_of(http::verb::post, "/upload?x=1");
  EXPECT_TRUE(upload.spool);
  EXPECT_EQ(upload.limit, 10u * 1024 * 1024);
  EXPECT_FALSE(upload.authenticate_first);  // the test route is anonymous
  EXPECT_EQ(upload_request.routed->path, "/upload");
  EXPECT_EQ(upload_request.routed->query, "x=1");
  const auto [other, other_request] = policy_of(http::verb::get, "/download");
  EXPECT_FALSE(other.spool);
  EXPECT_EQ(other.limit, kApiBodyLimit);
  const auto [nowhere, nowhere_request] = policy_of(http::verb::post, "/nowhere");
  EXPECT_FALSE(nowhere.spool);
  EXPECT_EQ(nowhere_request.routed->match.route, nullptr);
}

TEST_F(DispatcherFiles, DownloadHeadersAndSlices) {
  download_ = FileResponse{"/blobs/x", 10, "e1", "text/plain", "a.txt", {}};
  OutgoingResponse full = get({});
  EXPECT_EQ(full.status, 200);
  ASSERT_TRUE(full.file);
  EXPECT_EQ(full.file->path, "/blobs/x");
  EXPECT_EQ(full.file->offset, 0u);
  EXPECT_EQ(full.file->length, 10u);
  EXPECT_EQ(header_of(full, "ETag"), "\"e1\"");
  EXPECT_TRUE(full.body.empty());

  OutgoingResponse partial = get({{"range", "bytes=2-"}});
  EXPECT_EQ(partial.status, 206);
  ASSERT_TRUE(partial.file);
  EXPECT_EQ(partial.file->offset, 2u);
  EXPECT_EQ(partial.file->length, 8u);
  EXPECT_EQ(header_of(partial, "Content-Range"), "bytes 2-9/10");

  OutgoingResponse unsatisfiable = get({{"range", "bytes=10-"}});
  EXPECT_EQ(unsatisfiable.status, 416);
  EXPECT_FALSE(unsatisfiable.file);
  EXPECT_EQ(header_of(unsatisfiable, "Content-Range"), "bytes */10");
  EXPECT_NE(unsatisfiable.body.find("\"statusCode\":416"), std::string::npos);

  OutgoingResponse not_modified = get({{"if-none-match", "\"e1\""}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_FALSE(not_modified.file);
  EXPECT_TRUE(not_modified.body.empty());
}

}  // namespace
}  // namespace projectd
