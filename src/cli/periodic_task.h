#pragma once
// Runs a function every `interval` on its own thread until destroyed, for
// the server's housekeeping (follow-up questions that fall due). The first
// run is one interval after the start. A run that throws is logged and the
// next one still comes: housekeeping never brings the server down.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kring::cli {

class PeriodicTask {
 public:
  PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> run);
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;
  // Waits for a run in progress to end.
  ~PeriodicTask();

 private:
  void loop();

  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<void()> run_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kring::cli
