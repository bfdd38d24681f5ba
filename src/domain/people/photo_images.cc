#include "domain/people/photo_images.h"

#include "base/errors.h"
#include "domain/people/vips_library.h"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

namespace projectd {

namespace {

struct ImageUnref {
  void operator()(VipsImage* image) const { vips_library().g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, ImageUnref>;

// The libvips error of the last call, cleared; for the log, never for the client.
std::string vips_failure(const char* what) {
  const VipsLibrary& vips = vips_library();
  std::string message = std::string(what) + ": " + vips.vips_error_buffer();
  vips.vips_error_clear();
  return message;
}

Image checked(VipsImage* image, int status, const char* what) {
  if (status != 0 || image == nullptr) throw std::runtime_error(vips_failure(what));
  return Image(image);
}

EncodedImage encode(VipsImage* image, bool png) {
  const VipsLibrary& vips = vips_library();
  void* buffer = nullptr;
  size_t length = 0;
  const int status =
      png ? vips.vips_pngsave_buffer(image, &buffer, &length, "strip", TRUE, nullptr)
          : vips.vips_jpegsave_buffer(image, &buffer, &length, "strip", TRUE, "Q", 85, nullptr);
  if (status != 0) throw std::runtime_error(vips_failure("encoding a photo"));
  EncodedImage out{std::string(static_cast<const char*>(buffer), length),
                   png ? "image/png" : "image/jpeg"};
  vips.g_free(buffer);
  return out;
}

// sRGB, 8 bits a band, with its alpha only for a PNG (JPEG has none).
Image prepared(VipsImage* in, bool png) {
  const VipsLibrary& vips = vips_library();
  VipsImage* out = nullptr;
  Image srgb = checked(out, vips.vips_colourspace(in, &out, VIPS_INTERPRETATION_sRGB, nullptr),
                       "converting a photo to sRGB");
  if (png || !vips.vips_image_hasalpha(srgb.get())) return srgb;
  out = nullptr;
  const double white[] = {255, 255, 255};
  VipsArrayDouble* background = vips.vips_array_double_new(white, 3);
  const int status = vips.vips_flatten(srgb.get(), &out, "background", background, nullptr);
  vips.vips_area_unref(VIPS_AREA(background));
  return checked(out, status, "flattening a photo");
}

}  // namespace

const std::vector<PhotoSize>& photo_sizes() {
  static const std::vector<PhotoSize> sizes = {{"original", 1280}, {"retina", 360}, {"max", 200},
                                               {"big", 82},        {"medium", 48},  {"small", 32}};
  return sizes;
}

int photo_size_pixels(std::string_view name) {
  for (const PhotoSize& size : photo_sizes())
    if (size.name == name) return size.pixels;
  return 0;
}

std::vector<EncodedImage> make_photo_sizes(std::string_view upload) {
  const VipsLibrary& vips = vips_library();
  const char* loader = vips.vips_foreign_find_load_buffer(upload.data(), upload.size());
  vips.vips_error_clear();
  const std::string_view name = loader ? loader : "";
  const bool png = name == "VipsForeignLoadPngBuffer" || name == "VipsForeignLoadSpngBuffer";
  if (!png && name != "VipsForeignLoadJpegBuffer")
    throw_bad_request("The photo must be a PNG or JPEG image");
  // The header only: nothing is decoded before the size is known.
  VipsImage* header = vips.vips_image_new_from_buffer(upload.data(), upload.size(), "", "fail_on",
                                                      VIPS_FAIL_ON_ERROR, nullptr);
  if (header == nullptr) {
    vips.vips_error_clear();
    throw_bad_request("The photo is not a readable image");
  }
  Image original_header(header);
  const std::int64_t pixels = static_cast<std::int64_t>(vips.vips_image_get_width(header)) *
                              vips.vips_image_get_height(header);
  if (pixels > kMaxPhotoPixels)
    throw_bad_request("The photo has too many pixels: at most 40 megapixels");
  // Decoded once, strictly (a truncated or corrupt image fails here), into memory.
  VipsImage* decoded = nullptr;
  if (vips.vips_copy(header, &decoded, nullptr) != 0 || decoded == nullptr) {
    vips.vips_error_clear();
    throw_bad_request("The photo is not a readable image");
  }
  Image whole(decoded);
  VipsImage* in_memory = vips.vips_image_copy_memory(whole.get());
  if (in_memory == nullptr) {
    vips.vips_error_clear();
    throw_bad_request("The photo is damaged: it could not be decoded");
  }
  Image source = prepared(Image(in_memory).get(), png);
  std::vector<EncodedImage> out;
  for (const PhotoSize& size : photo_sizes()) {
    VipsImage* thumb = nullptr;
    const bool square = size.name != "original";
    const int status =
        square ? vips.vips_thumbnail_image(source.get(), &thumb, size.pixels, "height", size.pixels,
                                           "crop", VIPS_INTERESTING_CENTRE, nullptr)
               : vips.vips_thumbnail_image(source.get(), &thumb, size.pixels, "height", size.pixels,
                                           "size", VIPS_SIZE_DOWN, nullptr);
    Image sized = checked(thumb, status, "resizing a photo");
    out.push_back(encode(sized.get(), png));
  }
  return out;
}

EncodedImage default_avatar(std::string_view user_id, int pixels) {
  const VipsLibrary& vips = vips_library();
  // A colour from the id (FNV-1a), kept mid-dark so white stands out on it.
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : user_id)
    hash = (hash ^ c) * 16777619u;
  const std::array<double, 3> colour = {60.0 + (hash & 0x7f), 60.0 + ((hash >> 8) & 0x7f),
                                        60.0 + ((hash >> 16) & 0x7f)};
  VipsImage* black = nullptr;
  Image canvas = checked(black, vips.vips_black(&black, pixels, pixels, "bands", 3, nullptr),
                         "making an avatar");
  VipsImage* tinted = nullptr;
  const double zero[] = {0, 0, 0};
  Image filled =
      checked(tinted,
              vips.vips_linear(canvas.get(), &tinted, const_cast<double*>(zero),
                               const_cast<double*>(colour.data()), 3, "uchar", TRUE, nullptr),
              "colouring an avatar");
  VipsImage* drawable = vips.vips_image_copy_memory(filled.get());
  Image picture = checked(drawable, drawable ? 0 : -1, "making an avatar");
  double white[] = {255, 255, 255};
  const int p = pixels;
  // Head, then shoulders: a circle whose lower half leaves the picture.
  if (vips.vips_draw_circle(picture.get(), white, 3, p / 2, p * 3 / 8, p * 3 / 16, "fill", TRUE,
                            nullptr) != 0 ||
      vips.vips_draw_circle(picture.get(), white, 3, p / 2, p * 19 / 20, p * 3 / 8, "fill", TRUE,
                            nullptr) != 0)
    throw std::runtime_error(vips_failure("drawing an avatar"));
  return encode(picture.get(), true);
}

}  // namespace projectd
