// Profile photos (the original's UserPhotoManager through the people API). An upload is checked
// and sized by photo_images.h, each size stored once in the blob store (content-addressed, pinned
// until the transaction naming it has committed) and named in the store; removing a photo goes
// back to the generated default avatar, and the blob sweeper removes contents nothing names.
// Who: a person changes their own photo, an administrator anyone's (403 otherwise); an unknown
// person is 404. The images themselves are served without a token (image()), as the original
// serves its userphotos: an <img> and the mobile app's image cache fetch them without headers,
// and the URL holds the person's random id, so it tells nothing to whom does not know it already.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "blob/blob_store.h"
#include "blob/spooled_file.h"
#include "domain/caller.h"
#include "domain/people/people_service.h"
#include "store/store.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace projectd {

// One size of a person's picture: a stored content, or a default avatar made now.
struct PhotoImage {
  std::optional<std::filesystem::path> path;  // a stored photo: its content
  std::string bytes;                          // a default avatar
  std::uint64_t size = 0;
  std::string etag;  // unquoted; the content's SHA-256, or the default's own tag
  std::string mime;
};

class PhotoService {
 public:
  PhotoService(Store& store, BlobStore& blobs, PeopleService& people);

  // The person, for the photo object; 404 as PeopleService::get.
  UserRecord person(const Caller& caller, std::string_view id);
  // `size` as photo_images.h names them; 404 for an unknown person or size.
  PhotoImage image(std::string_view user_id, std::string_view size);
  // 400 for what is not a PNG or JPEG or has too many pixels (photo_images.h); the caller must
  // be the person or an administrator (403).
  UserRecord upload(const Caller& caller, std::string_view id, const SpooledFile& file);
  UserRecord remove(const Caller& caller, std::string_view id);

 private:
  UserRecord editable(const Caller& caller, std::string_view id);

  Store& store_;
  BlobStore& blobs_;
  PeopleService& people_;
};

}  // namespace projectd
