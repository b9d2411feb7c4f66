# kring: `make run` sets up and starts a demo instance; `make test` runs every suite.
BUILD     ?= build
DATA      ?= data
LISTEN    ?= 127.0.0.1:8080
MEMBERS   ?= 2000
JOBS      ?= $(shell nproc)

.PHONY: run test test-asan test-tsan deps build web demo serve bench fuzz clean format

run: deps build web demo serve

test: export KRING_WITH_BROWSER = 1
test: deps build web
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
ifeq ($(KRING_SANITIZERS),1)
	$(MAKE) test-asan test-tsan
endif

# Sanitizer runs (CI sets KRING_SANITIZERS=1, so `make test` runs both after
# the normal suite). Each has its own build directory. A report fails the
# test: UBSan does not recover (-fno-sanitize-recover=undefined), the others
# halt on the first error, and the API harness fails a class whose server
# logged a report or exited non-zero. Suppressions, each justified, only for
# third-party code: tests/sanitizers/.
SANITIZER_CONFIG := -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKRING_BENCH=OFF
SUPPRESSIONS := $(CURDIR)/tests/sanitizers
ASAN_ENV := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1 \
            UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
            LSAN_OPTIONS=suppressions=$(SUPPRESSIONS)/lsan.supp
TSAN_ENV := TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$(SUPPRESSIONS)/tsan.supp

# The whole non-browser suite (unit, API, graph) under AddressSanitizer + UBSan.
test-asan: deps
	test -f build-asan/build.ninja || cmake -S . -B build-asan $(SANITIZER_CONFIG) -DKRING_SANITIZE=address,undefined
	$(ASAN_ENV) cmake --build build-asan -j $(JOBS)
	cd build-asan && $(ASAN_ENV) ctest --output-on-failure -j $(JOBS) -E '^e2e[.]'

# The server's concurrent tests (CTest label `concurrent`) under ThreadSanitizer.
test-tsan: deps
	test -f build-tsan/build.ninja || cmake -S . -B build-tsan $(SANITIZER_CONFIG) -DKRING_SANITIZE=thread
	$(TSAN_ENV) cmake --build build-tsan -j $(JOBS) --target kring
	cd build-tsan && $(TSAN_ENV) ctest --output-on-failure -j $(JOBS) -L concurrent

deps:
	@./scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# npm ci only when the lock file changed since the last install.
web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

# Rebuilt only when a source of the app changed, so a second `make run` is quick.
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) \
               web/index.html web/vite.config.ts web/tsconfig.json web/package.json
web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

demo: build
	$(BUILD)/kring demo --data $(DATA) --members $(MEMBERS) --seed 1

serve: build
	$(BUILD)/kring serve --data $(DATA) --listen $(LISTEN) --web web/dist

bench: build
	KRING_WITH_BENCH=1 ./scripts/install-deps.sh
	./bench/run_all.sh

fuzz:
	./fuzz/run_all.sh

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'bench/*.cpp' 'fuzz/*.cpp')

clean:
	rm -rf $(BUILD) web/dist
