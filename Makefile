# kring: `make run` sets up and starts a demo instance; `make test` runs every suite.
BUILD     ?= build
DATA      ?= data
LISTEN    ?= 127.0.0.1:8080
MEMBERS   ?= 2000
JOBS      ?= $(shell nproc)

.PHONY: run test deps build web demo serve bench fuzz clean format

run: deps build web demo serve

test: export KRING_WITH_BROWSER = 1
test: deps build web
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

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
