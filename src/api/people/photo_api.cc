// Profile photos: api/2.0/people/{userid}/photo (the original's ThumbnailsDataWrapper: the URL of
// each size) and the images themselves at /userphotos/{userid}/{photosize}, which every avatar
// URL of the employee wrappers names (employee_wrappers.h). Images are cacheable: a stored
// photo's ETag is its SHA-256, a default avatar's names its drawing, and both are revalidated
// (Cache-Control: no-cache) because their URL stays when the photo changes.
#include "api/binding.h"
#include "api/people/employee_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"
#include "domain/people/photo_images.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult thumbnails(const RequestContext& request, const UserRecord& user) {
  boost::json::object out;
  for (const PhotoSize& size : photo_sizes())
    out[size.name] = photo_url(request.base_url, user.id, size.name);
  return ok(std::move(out));
}

std::string photo_user(const RequestContext& request) {
  return request.params.get_string("userid").value_or("");
}

HandlerResult photo_image(ApiEnv& env, RequestContext& request) {
  const PhotoImage image =
      env.photos.image(photo_user(request), request.params.get_string("photosize").value_or(""));
  HeaderList headers = {{"Cache-Control", "no-cache"}};
  if (image.path) {
    return FileResponse{*image.path, image.size, image.etag, image.mime, "photo", headers};
  }
  const std::string etag = "\"" + image.etag + "\"";
  headers.emplace_back("ETag", etag);
  if (const std::string* match = request.header("if-none-match"); match && *match == etag)
    return RawResponse{304, "", "", headers};
  return RawResponse{200, image.mime, image.bytes, headers};
}

HandlerResult upload_photo(ApiEnv& env, RequestContext& request) {
  if (request.uploads.empty())
    throw_bad_request("Send the photo as the request body or as a file of a multipart form");
  return thumbnails(
      request, env.photos.upload(*request.caller, photo_user(request), request.uploads.front()));
}

// An upload's cap: a 40-megapixel JPEG stays well under it.
constexpr std::size_t kMaxPhotoUpload = 16 * 1024 * 1024;

}  // namespace

void add_photo_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "", "people");
  routes.add(http::verb::get, "api/2.0/people/{userid}/photo",
             "The URLs of a person's photo by size", {}, [&env](RequestContext& r) {
               return thumbnails(r, env.photos.person(*r.caller, photo_user(r)));
             });
  Route& upload = routes.add(
      http::verb::put, "api/2.0/people/{userid}/photo",
      "Upload a PNG or JPEG photo (yourself, or anyone as an administrator): the raw body or a "
      "multipart file, at most 16 MiB and 40 megapixels; answers the URLs by size",
      {}, [&env](RequestContext& r) { return upload_photo(env, r); });
  upload.streams_body = true;
  upload.body_limit = kMaxPhotoUpload;
  routes.add(http::verb::delete_, "api/2.0/people/{userid}/photo",
             "Remove a photo: back to the default avatar", {}, [&env](RequestContext& r) {
               return thumbnails(r, env.photos.remove(*r.caller, photo_user(r)));
             });
  Route& image = routes.add(http::verb::get, "userphotos/{userid}/{photosize}",
                            "A person's photo or default avatar (no token needed)", {},
                            [&env](RequestContext& r) { return photo_image(env, r); });
  image.requires_auth = false;
  image.answers_head = true;
}

}  // namespace projectd
