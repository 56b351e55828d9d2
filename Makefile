# Anzen — two commands: `make run` and `make test`. Each installs what is missing, then builds.
BUILD ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080
DB ?= demo.db

.PHONY: all deps deps-test build run test bench format clean

all: build

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@scripts/run-demo.sh $(BUILD)/anzen $(DB) $(PORT)

test: deps-test $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: deps-test build
	@scripts/run-bench.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'bench/*.cpp')

clean:
	@rm -rf $(BUILD)
