#include "http/spooled_uploads.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "blob/file_io.h"
#include "blob/spool_writer.h"
#include "http/multipart.h"

#include <memory>
#include <system_error>

namespace projectd {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kFieldLimit = 1024 * 1024;

// Files to uploads, fields to params. Collected aside so that a body rejected half-way adds
// nothing (the SpooledFiles delete themselves).
class UploadCollector : public MultipartSink {
 public:
  explicit UploadCollector(std::filesystem::path dir) : dir_(std::move(dir)) {}

  void on_part_begin(const MultipartPartHead& head) override {
    kind_ = head.filename ? Kind::kFile : head.name.empty() ? Kind::kSkip : Kind::kField;
    if (kind_ == Kind::kFile) {
      writer_.open(dir_);
      filename_ = *head.filename;
      content_type_ = head.content_type;
    } else if (kind_ == Kind::kField) {
      name_ = head.name;
      value_.clear();
    }
  }

  void on_part_data(std::string_view bytes) override {
    if (kind_ == Kind::kFile) return writer_.write(bytes);
    if (kind_ != Kind::kField) return;
    if (value_.size() + bytes.size() > kFieldLimit)
      throw_bad_request("The multipart field '" + name_ + "' is larger than 1 MiB");
    fields_total_ += bytes.size();
    if (fields_total_ > kApiBodyLimit)
      throw_bad_request("The multipart fields are larger than " + std::to_string(kApiBodyLimit) +
                        " bytes in all");
    value_.append(bytes);
  }

  void on_part_end() override {
    if (kind_ == Kind::kFile) {
      SpooledFile file = writer_.finish();
      // An unused file input of a browser form: an empty part with an empty filename.
      if (filename_.empty() && file.size() == 0) return;
      file.filename = std::move(filename_);
      file.content_type = std::move(content_type_);
      files.push_back(std::move(file));
    } else if (kind_ == Kind::kField) {
      fields.add(name_, ParamValue{std::move(value_), false}, ParamSource::kBody);
      value_.clear();
    }
    kind_ = Kind::kSkip;
  }

  Params fields;
  std::vector<SpooledFile> files;

 private:
  enum class Kind { kSkip, kField, kFile };
  std::filesystem::path dir_;
  Kind kind_ = Kind::kSkip;
  SpoolWriter writer_;
  std::string filename_;
  std::string content_type_;
  std::string name_;
  std::string value_;
  std::size_t fields_total_ = 0;
};

void read_multipart(const SpooledFile& spool, std::string_view boundary, MultipartSink& sink) {
  const file_io::UniqueFd fd = file_io::open_for_reading(spool.path());
  MultipartParser parser(std::string(boundary), sink);
  const auto buffer = std::make_unique<char[]>(kChunk);
  for (std::uint64_t offset = 0; offset < spool.size();) {
    const std::size_t got = file_io::read_at(fd.get(), buffer.get(), kChunk, offset, spool.path());
    if (got == 0) break;
    parser.feed(std::string_view(buffer.get(), got));
    offset += got;
  }
  parser.finish();
}

void take_multipart(SpooledFile& spool, std::string_view content_type, RequestContext& context) {
  const auto boundary = multipart_boundary(content_type);
  if (!boundary) throw_bad_request("The multipart body has no valid boundary");
  UploadCollector collector(spool.path().parent_path());
  read_multipart(spool, *boundary, collector);
  for (const auto& [key, value] : collector.fields.entries())
    context.params.add(key, value, ParamSource::kBody);
  for (SpooledFile& file : collector.files)
    context.uploads.push_back(std::move(file));
}

}  // namespace

void take_spooled_body(IncomingRequest& request, RequestContext& context) {
  if (!request.spooled_body) return;
  // Whatever happens below, the raw spool goes when this returns.
  SpooledFile spool = std::move(*request.spooled_body);
  request.spooled_body.reset();
  // An empty body is no body (docs/wire-compatibility.md, "Parameter sources").
  if (spool.empty() || spool.size() == 0) return;

  const std::string_view content_type = header_value(request.headers, "content-type");
  const std::string media_type =
      ascii::to_lower(ascii::trim(content_type.substr(0, content_type.find(';'))));
  try {
    if (media_type == "multipart/form-data") return take_multipart(spool, content_type, context);
  } catch (const std::system_error& e) {
    if (e.code() != std::errc::no_space_on_device) throw;
    throw ApiError(ErrorKind::kInsufficientStorage, "The server has no room to store the upload");
  }
  const auto disposition =
      parse_content_disposition(header_value(request.headers, "content-disposition"));
  spool.filename = disposition && disposition->filename ? *disposition->filename : "";
  spool.content_type = std::string(ascii::trim(content_type));
  context.uploads.push_back(std::move(spool));
  context.raw_upload = true;
}

}  // namespace projectd
