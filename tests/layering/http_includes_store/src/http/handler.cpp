// A handler that talks to the database directly: cmake/check_layering.cmake
// must refuse it (tests/CMakeLists.txt, layering.*).
#include "store/database.h"
