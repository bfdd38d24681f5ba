#include "app/cli.h"

int main(int argc, char** argv) {
  return projectd::run_cli(argc, argv);
}
