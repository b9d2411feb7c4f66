#include "cli/periodic_task.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace kring::cli {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds interval,
                           std::function<void()> run)
    : name_(std::move(name)), interval_(interval), run_(std::move(run)) {
  thread_ = std::thread([this] { loop(); });
}

PeriodicTask::~PeriodicTask() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PeriodicTask::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      run_();
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", name_, e.what());
    }
    lock.lock();
  }
}

}  // namespace kring::cli
