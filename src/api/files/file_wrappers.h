// The Documents objects (docs/wire-compatibility.md, "Objects"): FileWrapper (also the element of
// task files), FolderWrapper, FolderContentWrapper, FileOperationWraper, and the attach audit
// entry. Members in the original's order; `access` as the caller's rights make it.
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/files/file_service.h"
#include "domain/projects/attachment_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace projectd {

// The download address of a file (and of one version when it is not the current one).
std::string file_view_url(const FileRecord& file, const std::string& base_url);

// FileWrapper, written to `out` (wire/api_writer.h) or as a tree.
void write_file_wrapper(ApiWriter& out, const FileView& view, const PeopleIndex& people,
                        const WrapContext& context);
boost::json::object file_wrapper(const FileView& view, const PeopleIndex& people,
                                 const WrapContext& context);
boost::json::array file_wrappers(const FileViews& views, const WrapContext& context);
boost::json::object folder_wrapper(const FolderView& view, const PeopleIndex& people,
                                   const WrapContext& context);
boost::json::object folder_content_wrapper(const FolderContent& content, std::int64_t start_index,
                                           const WrapContext& context);
// FileOperationWraper of each operation (docs/wire-compatibility.md, "File operations"): `error`
// null on success, `url` null unless a bulk download.
boost::json::array operation_wrappers(const OperationViews& views, const WrapContext& context);
// A batch's `failed` member: each refused file as {fileId, statusCode, message}, then each folder
// as {folderId, ...}; nullopt when nothing was refused.
std::optional<boost::json::array> failed_entries(const std::vector<BatchFailure>& files,
                                                 const std::vector<BatchFailure>& folders);
boost::json::array audit_entries(const AuditViews& audit, const WrapContext& context);

}  // namespace projectd
