#pragma once
// A Server-Sent Events source: the server turns a connection into a stream
// and pulls events from here. Producers (any thread) push; the connection's
// strand pops. Closing drops later pushes and wakes the connection, which
// sends what is pending and then ends the response (the client sees EOF).
//
// Thread-safe.

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace kring::http {

class EventStream {
 public:
  virtual ~EventStream() = default;

  // Adds one already formatted event ("id: 1\nevent: x\ndata: {...}\n\n").
  void push(std::string_view event);
  // Takes every pending event; empty when none.
  std::string take();
  // The connection registers how to be woken when events arrive.
  void on_ready(std::function<void()> wake);
  void close();
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::string pending_;
  std::function<void()> wake_;
  bool closed_ = false;
};

}  // namespace kring::http
