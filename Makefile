# raqim — the verbs: run, test, bundle, bench.
GO      ?= go
PORT    ?= 8080
ADDR    ?= 127.0.0.1:$(PORT)
# RAQIM_BASE=/raqim serves and bundles the site under a sub-path.
RAQIM_BASE ?=
export RAQIM_BASE

WASM    := web/app.wasm
WORKER  := web/worker.wasm
GOSRC   := $(shell find app internal wasm -name '*.go' -not -name '*_test.go') go.mod go.sum
ASSETS  := $(shell find web -type f -not -name '*.wasm*')

.PHONY: run test bundle bench wasm clean soak fuzz FORCE

## run: build the app and serve it on http://$(ADDR)
run: bundle
	$(GO) run ./wasm serve -dir dist -addr $(ADDR)

## bundle: write the self-contained static site to dist/
bundle: dist/.stamp
dist/.stamp: $(WASM) $(WORKER) $(ASSETS) $(GOSRC) Makefile .base
	$(GO) run ./wasm bundle -o dist
	@touch $@

# .base records RAQIM_BASE so that changing it rebuilds the bundle.
.base: FORCE
	@echo "$(RAQIM_BASE)" | cmp -s - $@ || echo "$(RAQIM_BASE)" > $@
FORCE:

## wasm: compile the browser app and its background worker (cached: rebuilt
## only when Go sources change)
wasm: $(WASM) $(WORKER)
$(WASM): $(GOSRC) build/wasm.mod
	GOOS=js GOARCH=wasm $(GO) build -modfile=build/wasm.mod -trimpath -ldflags='-s -w' -o $@ ./wasm

# The browser app links go-app without its server side: build/go-app is a
# copy of go-app's module whose http.go is wasm/goapp/http.go.in (a stand-in
# Handler), whose LocalDir has no file server, and whose route.go is
# wasm/goapp/route.go.in (routes by path only), so that net/http and regexp
# and what they pull in stay out of app.wasm; build/wasm.mod is go.mod
# pointing go-app there. A go-app whose files no longer match fails the
# build.
GOAPP := github.com/maxence-charriere/go-app/v10
build/wasm.mod: go.mod go.sum wasm/goapp/http.go.in wasm/goapp/route.go.in Makefile
	@rm -rf build/go-app && mkdir -p build/go-app
	@src=$$($(GO) mod download -json $(GOAPP) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
		test -d "$$src/pkg/app" || { echo "build/wasm.mod: no source of $(GOAPP)"; exit 1; }; \
		cp -r "$$src/go.mod" "$$src/go.sum" "$$src/LICENSE" "$$src/pkg" build/go-app/
	@chmod -R u+w build/go-app
	cp wasm/goapp/http.go.in build/go-app/pkg/app/http.go
	cp wasm/goapp/route.go.in build/go-app/pkg/app/route.go
	sed -i -e '/^\t"net\/http"$$/d' -e '/Handler: *http\.FileServer/d' -e '/^\thttp\.Handler$$/d' build/go-app/pkg/app/resource.go
	cp go.sum build/wasm.sum
	{ cat go.mod; echo 'replace $(GOAPP) => ./build/go-app'; } > build/wasm.mod
	@! GOOS=js GOARCH=wasm $(GO) list -modfile=build/wasm.mod -deps ./wasm | grep -qxE 'net/http|regexp' \
		|| { rm build/wasm.mod; echo "build/wasm.mod: net/http or regexp is still in the browser build (go-app's files changed?)"; exit 1; }
$(WORKER): $(GOSRC)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./wasm/worker

## The accessibility checker the browser tests load into the page (axe-core
## from the npm registry, pinned and checked; never part of the app).
AXE_VERSION := 4.10.2
AXE_SHA256  := 9ea2d2d6917da998122bdacfd3b473e31ead53f4b87146c716a12edf89158100
AXE         := e2e/testdata/axe/axe.min.js
$(AXE):
	@mkdir -p $(dir $@)
	curl -fsSL -o $(dir $@)axe.tgz https://registry.npmjs.org/axe-core/-/axe-core-$(AXE_VERSION).tgz
	echo "$(AXE_SHA256)  $(dir $@)axe.tgz" | sha256sum -c -
	tar -xzf $(dir $@)axe.tgz -C $(dir $@) --strip-components=1 package/axe.min.js package/LICENSE
	rm $(dir $@)axe.tgz

## test: vet, unit tests, and the browser tests in headless Chromium; with
## ../shared beside the project (SHARED), also the checks on the shared
## corpus and the peer benchmark's contract (tests built with -tags shared)
SHARED ?= ../shared
export RAQIM_SHARED := $(abspath $(SHARED))
test: bundle $(AXE)
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	@if [ -d "$(SHARED)" ]; then \
		echo "$(GO) test -tags shared (the checks on $(SHARED))"; \
		$(GO) vet -tags shared ./... && \
		$(GO) test -count=1 -tags shared ./internal/... ./wasm/... && \
		$(GO) test -count=1 -tags shared -run 'Shared|PeerBenchContract' ./e2e/; \
	else \
		echo "make test: $(SHARED) is not beside the project, so the checks on the shared corpus and the peer benchmark's contract (go test -tags shared) were left out"; \
	fi

## bench: Go benchmarks of the hot paths (one package at a time, so that
## they do not share the two cores) and the browser benchmark
bench: bundle
	$(GO) test -p 1 -run '^$$' -bench . -benchmem ./internal/...
	@# The suggestion and agreement engines as the worker runs them: in
	@# V8's WebAssembly, under Node (skipped, and said, without it).
	@if command -v node >/dev/null; then \
		PATH="$$PATH:$$($(GO) env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm $(GO) test -run '^$$' \
			-bench 'BenchmarkSuggestLong|BenchmarkSuggestTagger|Benchmark2000Articles$$|BenchmarkAgree$$' -benchtime 2x \
			./internal/suggest/ ./internal/agreement/; \
	else echo "bench: no node: the engines' WebAssembly figures are left out"; fi
	$(GO) test -run '^$$' -bench BenchmarkBrowser -benchtime 1x -timeout 60m -v ./e2e/

## soak: the crash loop, 1,000 times (make test runs it 50 times): label a
## span, reload the tab or crash it 0–50 ms after the key, check storage
SOAK ?= 1000
soak: bundle
	RAQIM_SOAK_CYCLES=$(SOAK) $(GO) test -count=1 -run '^TestCrashLoop$$' -timeout 300m -v ./e2e/ | grep -v '^=== \|console\.'

## fuzz: every importer's fuzz target, the span codec's, the tokenizer's,
## the zip reader's and the suggestion engine's, FUZZTIME each (make fuzz FUZZTIME=10m for longer)
FUZZTIME ?= 60s
FUZZ := internal/jsonl:FuzzDecode internal/importer:FuzzTXT internal/conll:FuzzDecode \
	internal/hf:FuzzDecode internal/brat:FuzzDecode internal/labelstudio:FuzzDecode \
	internal/dataset:FuzzRead internal/store:FuzzDecodeSpan internal/store:FuzzDecodeLayerInfo internal/tokenize:FuzzTokens \
	internal/offsets:FuzzIndex internal/suggest:FuzzSuggest
fuzz:
	@for t in $(FUZZ); do \
		echo "fuzz $$t for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -parallel 1 ./$${t%%:*}/ || exit 1; \
	done

clean:
	rm -rf dist .base build $(WASM) $(WORKER)
