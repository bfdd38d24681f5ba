#include "domain/people/photo_service.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "domain/people/people_service.h"
#include "domain/people/photo_images.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace projectd {

namespace {

// Bumped whenever default_avatar draws differently, so caches fetch the new picture.
constexpr const char* kDefaultAvatarVersion = "default-1";

std::string read_upload(const SpooledFile& file) {
  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw std::runtime_error("cannot read a spooled photo upload");
  return bytes;
}

}  // namespace

PhotoService::PhotoService(Store& store, BlobStore& blobs, PeopleService& people)
    : store_(store), blobs_(blobs), people_(people) {}

UserRecord PhotoService::person(const Caller& caller, std::string_view id) {
  return people_.get(caller, id);
}

PhotoImage PhotoService::image(std::string_view user_id, std::string_view size) {
  const int pixels = photo_size_pixels(size);
  if (pixels == 0) throw_not_found();
  const std::string id = ascii::to_lower(user_id);
  std::optional<PhotoRecord> stored;
  const bool known = store_.read_value([&](StoreTx& tx) {
    if (!tx.users().by_id(id)) return false;
    for (PhotoRecord& photo : tx.photos().of_user(id))
      if (photo.size == size) stored = std::move(photo);
    return true;
  });
  if (!known) throw_not_found();
  PhotoImage out;
  if (stored) {
    out.path = blobs_.path_of(stored->sha256);
    out.size = static_cast<std::uint64_t>(stored->bytes);
    out.etag = stored->sha256;
    out.mime = stored->mime;
    return out;
  }
  // The default avatar of the original size is drawn at retina size: it is only a placeholder.
  EncodedImage avatar = default_avatar(id, std::min(pixels, 360));
  out.size = avatar.bytes.size();
  out.bytes = std::move(avatar.bytes);
  out.etag = std::string(kDefaultAvatarVersion) + "-" + id + "-" + std::string(size);
  out.mime = std::move(avatar.mime);
  return out;
}

UserRecord PhotoService::editable(const Caller& caller, std::string_view id) {
  UserRecord user = person(caller, id);
  if (user.id != caller.user_id && !caller.is_admin)
    throw_forbidden("You may only change your own photo");
  return user;
}

UserRecord PhotoService::upload(const Caller& caller, std::string_view id,
                                const SpooledFile& file) {
  const UserRecord user = editable(caller, id);
  // Decoding runs before the write, so the writer never waits on image work.
  const std::vector<EncodedImage> images = make_photo_sizes(read_upload(file));
  std::vector<PinnedBlob> pins;  // each content stays pinned until the write has committed
  std::vector<PhotoRecord> sizes;
  for (std::size_t i = 0; i < images.size(); ++i) {
    pins.push_back(blobs_.put(images[i].bytes));
    sizes.push_back(PhotoRecord{.user_id = user.id,
                                .size = std::string(photo_sizes()[i].name),
                                .sha256 = pins.back().ref.sha256,
                                .bytes = static_cast<std::int64_t>(images[i].bytes.size()),
                                .mime = images[i].mime});
  }
  return store_.write_value([&](StoreTx& tx) {
    auto current = tx.users().by_id(user.id);
    if (!current) throw_not_found();  // deleted meanwhile
    tx.photos().replace(user.id, sizes);
    return *current;
  });
}

UserRecord PhotoService::remove(const Caller& caller, std::string_view id) {
  const UserRecord user = editable(caller, id);
  return store_.write_value([&](StoreTx& tx) {
    auto current = tx.users().by_id(user.id);
    if (!current) throw_not_found();
    tx.photos().replace(user.id, {});
    return *current;
  });
}

}  // namespace projectd
