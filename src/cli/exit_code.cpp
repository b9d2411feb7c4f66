#include "cli/commands.h"

namespace kring::cli {

int& exit_code() {
  static int code = 0;
  return code;
}

}  // namespace kring::cli
