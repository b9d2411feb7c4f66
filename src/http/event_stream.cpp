#include "http/event_stream.h"

namespace kring::http {

void EventStream::push(std::string_view event) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    // A client that stops reading cannot grow memory without bound: past
    // 1 MiB of backlog the stream ends and the client resumes by Last-Event-ID.
    if (pending_.size() > (1u << 20)) {
      closed_ = true;
    } else {
      pending_ += event;
    }
    wake = wake_;
  }
  if (wake) wake();
}

std::string EventStream::take() {
  std::lock_guard lock(mutex_);
  std::string out;
  out.swap(pending_);
  return out;
}

void EventStream::on_ready(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

void EventStream::close() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

bool EventStream::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace kring::http
