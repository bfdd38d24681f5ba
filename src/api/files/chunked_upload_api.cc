// Chunked, resumable uploads (docs/wire-compatibility.md, "Chunked uploads"): the original's
// DocumentsApi CreateUploadSession, which answers `{success, data}` with the session object, and
// its upload URL (the `location` of that object), ChunkedUploader.ashx, which takes the chunks in
// order (a multipart part or the raw body) and answers in the handler's own shape, `{success,
// data, message}`: the session after each chunk, the file (201) after the last one.
#include "api/binding.h"
#include "api/files/files_routes.h"
#include "api/route_group.h"

#include <boost/json/serialize.hpp>

namespace projectd {

namespace http = boost::beast::http;

namespace {

constexpr const char* kChunkHandlerPath = "products/files/ChunkedUploader.ashx";

// The original's ChunkedUploadSession as ChunkedUploaderHandler.ToResponseObject writes it.
boost::json::object upload_session_object(ApiEnv& env, const RequestContext& r,
                                          const UploadSessionView& view) {
  const UploadSessionRecord& s = view.session;
  boost::json::array path;
  for (std::int64_t id : view.path)
    path.push_back(id);
  boost::json::object out;
  out["id"] = s.id;
  out["path"] = std::move(path);
  out["created"] = format_api_date(s.created, env.zone);
  out["expired"] = format_api_date(s.expires, env.zone);
  out["location"] = r.base_url + "/" + kChunkHandlerPath + "?uid=" + s.id;
  out["bytes_uploaded"] = s.bytes_uploaded;
  out["bytes_total"] = s.bytes_total;
  return out;
}

// ChunkedUploaderHandler's answers: JSON whatever the Accept header says, as the original's.
HandlerResult chunk_handler_answer(int status, boost::json::value data) {
  boost::json::object body;
  body["success"] = true;
  body["data"] = std::move(data);
  body["message"] = "";
  return RawResponse{status, "application/json; charset=utf-8", boost::json::serialize(body), {}};
}

std::string required_upload_id(const Params& params) {
  std::string id = params.get_string("uid").value_or("");
  if (id.empty()) throw_bad_request("Parameter 'uid' is required: the upload session's id");
  return id;
}

HandlerResult create_upload_session(ApiEnv& env, RequestContext& r) {
  NewUploadSession request;
  request.file_name = r.params.get_string("fileName").value_or("");
  const auto size = r.params.get_int("fileSize");
  if (!size) throw_bad_request("Parameter 'fileSize' is required: the file's length in bytes");
  request.file_size = *size;
  request.create_new_if_exist = upload_options(r.params).create_new_if_exist;
  request.relative_path = r.params.get_string("relativePath").value_or("");
  const UploadSessionView view =
      env.chunked_uploads.create(*r.caller, route_folder(r.params), request);
  boost::json::object out;
  out["success"] = true;
  out["data"] = upload_session_object(env, r, view);
  return ok(std::move(out));
}

HandlerResult upload_chunk(ApiEnv& env, RequestContext& r) {
  const std::string id = required_upload_id(r.params);
  if (r.params.get_bool("abort").value_or(false)) {
    env.chunked_uploads.abort(*r.caller, id);
    return chunk_handler_answer(200, nullptr);
  }
  ChunkRequest request;
  request.id = id;
  request.chunk_number = r.params.get_int("chunkNumber");
  request.offset = r.params.get_int("offset");
  // The chunk is the first file of a multipart body (as the original reads Files[0]), or the body.
  if (!r.uploads.empty()) request.chunk = &r.uploads.front();
  const ChunkOutcome outcome = env.chunked_uploads.append(*r.caller, request);
  if (outcome.session)
    return chunk_handler_answer(200, upload_session_object(env, r, *outcome.session));
  const FileRecord& file = outcome.file->files.front().file;
  boost::json::object out;
  out["id"] = file.id;
  out["folderId"] = file.folder_id;
  out["version"] = file.current_version;
  out["title"] = file.title;
  out["provider_key"] = nullptr;
  out["uploaded"] = true;
  return chunk_handler_answer(201, std::move(out));
}

}  // namespace

void add_chunked_upload_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup api(table, "api/2.0/files/", "files");
  api.add(http::verb::post, "{folderid}/upload/create_session",
          "Open a chunked, resumable upload of one file; answers {success, data} with the "
          "session, whose `location` takes the chunks",
          {{"fileName", ParamIn::kBody, "string", true, "the file's name with its extension"},
           {"fileSize", ParamIn::kBody, "integer", true,
            "the file's length in bytes, at most the upload limit"},
           {"createNewIfExist", ParamIn::kBody, "boolean", false,
            "default true: a title in use makes `name (1).ext`; false adds a version"},
           {"relativePath", ParamIn::kBody, "string", false,
            "subfolders of the folder to upload into, `a/b`; made when missing"},
           {"createOn", ParamIn::kBody, "date", false, "ignored: the file is dated by its upload"},
           {"encrypted", ParamIn::kBody, "boolean", false, "ignored: no encrypted storage"}},
          [&env](RequestContext& r) { return create_upload_session(env, r); });

  RouteGroup handler(table, "", "files",
                     {{"uid", ParamIn::kQuery, "string", true,
                       "the upload session's id (its `location` names it)"}});
  Route& chunk = handler.add(
      http::verb::post, kChunkHandlerPath,
      "Append the next chunk of an upload session (a multipart part or the raw body), in order; "
      "each chunk is durable when answered; the last one makes the file (201). `abort=true` "
      "ends the session",
      {{"chunkNumber", ParamIn::kQuery, "integer", false,
        "1-based; when sent it must be the session's next chunk"},
       {"offset", ParamIn::kQuery, "integer", false,
        "the chunk's first byte; when sent it must be bytes_uploaded"},
       {"abort", ParamIn::kQuery, "boolean", false, "true: end the session and drop its bytes"}},
      [&env](RequestContext& r) { return upload_chunk(env, r); });
  chunk.body_limit = static_cast<std::size_t>(env.files.max_upload_bytes());
  chunk.streams_body = true;
  handler.add(http::verb::get, kChunkHandlerPath,
              "Where an upload session stands: the session object with bytes_uploaded", {},
              [&env](RequestContext& r) {
                const UploadSessionView view =
                    env.chunked_uploads.status(*r.caller, required_upload_id(r.params));
                return chunk_handler_answer(200, upload_session_object(env, r, view));
              });
}

}  // namespace projectd
