#include "cli/instance_network.h"

namespace kring::cli {

// Until the database snapshot is built, analysing an instance is refused
// with a clear message; `kring analyze FILE` works meanwhile.
Result<graph::EdgeList> load_instance_network(const std::string& /*data_dir*/,
                                              const std::string& /*scope*/) {
  return Error::invalid("not_available", "--data is not supported yet");
}

}  // namespace kring::cli
