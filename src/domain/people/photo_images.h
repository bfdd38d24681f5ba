// Profile photo images, made with libvips (Debian 12's libvips 8.14: a maintained library that
// reads only an image's header before deciding to decode it, shrinks while it decodes, and lets
// projectd block every loader but the two it accepts; no image code of our own).
//  - make_photo_sizes checks that the bytes are a PNG or a JPEG (by content, never by name), of at
//    most kMaxPhotoPixels (from the header, before any pixel is decoded), decodes them strictly
//    (a truncated or corrupt image is refused) and makes every size the original names: the
//    `original` at most 1280 px on its longer side, and square, centre-cropped `retina` 360,
//    `max` 200, `big` 82, `medium` 48 and `small` 32. Every size is re-encoded (PNG stays PNG,
//    anything else becomes JPEG), which also drops the upload's metadata (EXIF, GPS).
//  - default_avatar draws the picture of a person without a photo: a head and shoulders in white
//    on a colour derived from the person's id, so people tell each other apart at a glance.
// Thread safety: every function may be called from any thread at once (libvips is loaded and
// initialised once, on first use: vips_library.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

inline constexpr std::int64_t kMaxPhotoPixels = 40'000'000;

struct EncodedImage {
  std::string bytes;
  std::string mime;  // image/png or image/jpeg
};

struct PhotoSize {
  std::string_view name;
  int pixels;  // the square's side; for `original` the longer side at most
};
// In the original's order: original, retina, max, big, medium, small.
const std::vector<PhotoSize>& photo_sizes();
// The side of a size name; 0 when it names none.
int photo_size_pixels(std::string_view name);

// One image per photo_sizes() entry, in that order. Throws ApiError(kBadRequest) saying what is
// wrong with the upload: not a PNG or JPEG, too many pixels, damaged.
std::vector<EncodedImage> make_photo_sizes(std::string_view upload);

// A PNG of `pixels` x `pixels`.
EncodedImage default_avatar(std::string_view user_id, int pixels);

}  // namespace projectd
