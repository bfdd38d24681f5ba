// Routes with streams_body: turns the spooled request body into RequestContext::uploads and body
// parameters. A multipart/form-data body is read back in 64 KiB chunks through the streaming
// MultipartParser: each part with a filename becomes its own SpooledFile (hashed as it is
// written), each other named part a body parameter (at most 1 MiB each and kApiBodyLimit in
// all, else 400). Any other non-empty body is one raw upload named by Content-Disposition and
// typed by Content-Type. The part files go into the directory of the raw spool (the server's
// spool directory), so the blob store can adopt them with a rename. The raw spool is deleted.
// Thread safety: none; one call per request.
#pragma once

#include "http/dispatcher.h"

namespace projectd {

// Throws ApiError: 400 for a malformed multipart body or oversized fields, 507 when the disk is
// full; std::runtime_error for other I/O failures. Files written before a failure are deleted.
void take_spooled_body(IncomingRequest& request, RequestContext& context);

}  // namespace projectd
