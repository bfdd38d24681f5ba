#include "app/cli.h"

#include <sys/stat.h>

int main(int argc, char** argv) {
  // Everything the service creates (the data directory, the database with its journals, file
  // contents, spooled uploads) is private to its user, whatever the caller's umask: directories
  // 0700, files 0600 (issue 14). Set before anything is created; file_io asks for 0600 explicitly.
  ::umask(077);
  return projectd::run_cli(argc, argv);
}
