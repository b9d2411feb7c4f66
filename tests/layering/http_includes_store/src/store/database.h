#pragma once
// Stands in for the real header, so the fixture is a tree of its own.
