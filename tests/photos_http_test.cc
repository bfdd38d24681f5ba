// Profile photos: people/{userid}/photo (GET, PUT, DELETE) and the images every avatar URL names.
#include "domain/people/photo_images.h"
#include "project_test_support.h"
#include "store_sql.h"

#include <gtest/gtest.h>
#include <boost/crc.hpp>
#include <boost/json.hpp>

namespace projectd::test {
namespace {

// The width and height a PNG's IHDR says.
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
  auto be32 = [&](std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(png.at(at))) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png.at(at + 1))) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png.at(at + 2))) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(png.at(at + 3)));
  };
  return {be32(16), be32(20)};
}

// A PNG whose header claims width x height (its pixels never follow): a decompression bomb.
std::string png_header_only(std::uint32_t width, std::uint32_t height) {
  std::string chunk = "IHDR";
  for (std::uint32_t v : {width, height})
    for (int shift = 24; shift >= 0; shift -= 8)
      chunk += static_cast<char>((v >> shift) & 0xff);
  chunk += std::string("\x08\x02\x00\x00\x00", 5);
  boost::crc_32_type crc;
  crc.process_bytes(chunk.data(), chunk.size());
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\x00\x00\x00\x0d", 4) + chunk;
  for (int shift = 24; shift >= 0; shift -= 8)
    png += static_cast<char>((crc.checksum() >> shift) & 0xff);
  return png;
}

class PhotosTest : public ProjectSuite {
 protected:
  // The path of an absolute URL of this server.
  static std::string path_of(const boost::json::value& url) {
    const std::string text(url.as_string());
    const std::string host = "http://127.0.0.1:" + std::to_string(port());
    EXPECT_EQ(text.rfind(host, 0), 0u) << text;
    return text.substr(host.size());
  }
  static HttpResponse upload(const std::string& user, const std::string& bytes,
                             const Headers& auth) {
    Headers headers = auth;
    headers.emplace_back("Content-Type", "image/png");
    return HttpClient(port()).request("PUT", "/api/2.0/people/" + user + "/photo", bytes, headers);
  }
  static std::string stored_sizes(const std::string& user) {
    const auto store = connect_store(server_->store_url());
    return first_column(*store, "SELECT count(*) FROM user_photos WHERE user_id = '" + user + "'")
        .at(0);
  }
};

TEST_F(PhotosTest, EveryAvatarUrlAnswersADefaultImageWithoutAToken) {
  const Person p = add_person();
  const auto me = get_ok("/api/2.0/people/@self", p.auth());
  HttpClient client(port());
  for (const auto& [member, pixels] :
       {std::pair{"avatarSmall", 32u}, {"avatarMedium", 48u}, {"avatar", 82u}}) {
    const auto res = client.get(path_of(me.at(member)));  // no credentials
    ASSERT_EQ(res.status, 200) << member << " " << res.body;
    EXPECT_EQ(res.header("content-type"), "image/png");
    EXPECT_EQ(png_size(res.body), std::make_pair(pixels, pixels)) << member;
    const std::string etag = res.header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(res.header("cache-control"), "no-cache");
    const auto again = client.get(path_of(me.at(member)), {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
  }
  EXPECT_EQ(client.get("/userphotos/0f0f0f0f-0000-4000-8000-000000000000/small").status, 404);
  EXPECT_EQ(client.get("/userphotos/" + p.id + "/huge").status, 404);
}

TEST_F(PhotosTest, ThePhotoObjectNamesEverySizeInJsonAndXml) {
  const Person p = add_person();
  const auto photo = get_ok("/api/2.0/people/" + p.id + "/photo", p.auth()).as_object();
  EXPECT_EQ(keys_of(photo),
            (std::vector<std::string>{"original", "retina", "max", "big", "medium", "small"}));
  HttpClient client(port());
  for (const auto& [size, url] : photo)
    EXPECT_EQ(client.get(path_of(url)).status, 200) << size;
  const auto xml = client.get("/api/2.0/people/" + p.id + "/photo.xml", p.auth());
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<small>http://"), std::string::npos) << xml.body;
  EXPECT_EQ(client.get("/api/2.0/people/" + p.id + "/photo").status, 401);
  EXPECT_EQ(
      client.get("/api/2.0/people/0f0f0f0f-0000-4000-8000-000000000000/photo", p.auth()).status,
      404);
}

TEST_F(PhotosTest, AnUploadIsSizedStoredServedAndRemoved) {
  const Person p = add_person();
  const std::string picture = default_avatar("an upload", 300).bytes;
  auto res = upload(p.id, picture, p.auth());
  const auto photo = response_of(res, 200).as_object();
  EXPECT_EQ(stored_sizes(p.id), "6");
  HttpClient client(port());
  const auto small = client.get(path_of(photo.at("small")));
  ASSERT_EQ(small.status, 200);
  EXPECT_EQ(small.header("content-type"), "image/png");
  EXPECT_EQ(png_size(small.body), std::make_pair(32u, 32u));
  EXPECT_EQ(small.header("etag").size(), 66u);  // the content's SHA-256, quoted
  const auto original = client.get(path_of(photo.at("original")));
  EXPECT_EQ(png_size(original.body), std::make_pair(300u, 300u));  // never enlarged
  EXPECT_EQ(
      client.get(path_of(photo.at("small")), {{"If-None-Match", small.header("etag")}}).status,
      304);
  // The wrappers' URLs now answer the upload.
  const auto me = get_ok("/api/2.0/people/@self", p.auth());
  EXPECT_EQ(client.get(path_of(me.at("avatarSmall"))).body, small.body);

  res = HttpClient(port()).request("DELETE", "/api/2.0/people/" + p.id + "/photo", "", p.auth());
  EXPECT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(stored_sizes(p.id), "0");
  const auto back = client.get(path_of(photo.at("small")));
  EXPECT_EQ(back.status, 200);
  EXPECT_NE(back.header("etag"), small.header("etag"));
}

TEST_F(PhotosTest, UploadsAreCheckedAndARefusalStoresNothing) {
  const Person p = add_person();
  const Person other = add_person();
  const std::string picture = default_avatar("someone", 64).bytes;
  EXPECT_EQ(upload(p.id, picture, other.auth()).status, 403);
  EXPECT_EQ(upload(p.id, picture, {}).status, 401);
  EXPECT_EQ(upload("0f0f0f0f-0000-4000-8000-000000000000", picture, admin()).status, 404);
  auto res = upload(p.id, "<svg xmlns='http://www.w3.org/2000/svg'/>", p.auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_message(res).find("PNG or JPEG"), std::string::npos) << res.body;
  // A header claiming 400 megapixels and no pixels: refused before anything is decoded (libvips
  // already refuses the header alone; the 40-megapixel cap is not reached by this input).
  res = upload(p.id, png_header_only(20000, 20000), p.auth());
  EXPECT_EQ(res.status, 400) << res.body;
  res = upload(p.id, picture.substr(0, picture.size() / 2), p.auth());
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(upload(p.id, "", p.auth()).status, 400);
  EXPECT_EQ(stored_sizes(p.id), "0");
  // An administrator may change anyone's photo.
  EXPECT_EQ(upload(p.id, picture, admin()).status, 200);
  EXPECT_EQ(stored_sizes(p.id), "6");
}

}  // namespace
}  // namespace projectd::test
