package pdfrepair

import (
	"bytes"
	"testing"
	"time"
)

func fuzzSeeds(f *testing.F) {
	for _, tc := range rewriteCases() {
		f.Add(tc.input(f))
	}
	f.Add(hugeObjectNumber(f))
	f.Add(incremental(f, cleanDoc().build(f), content, -1))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages [[[[[ >> endobj trailer << /Root 1 0 R >>"))
}

// FuzzRewrite checks that Rewrite never panics, that its errors render,
// and that what it returns passes Check and is a fixed point.
func FuzzRewrite(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxStreamBytes: 1 << 20, MaxTotalBytes: 4 << 20}
		var out []byte
		var err error
		watchdog(t, func() { out, err = Rewrite(data, "", lim) })
		if err != nil {
			_ = err.Error()
			return
		}
		if r, err := Open(out, "", lim); err != nil || r.Repaired() {
			t.Fatalf("Rewrite output does not read as it is: %v", err)
		}
		again, err := Rewrite(out, "", lim)
		if err != nil {
			t.Fatalf("Rewrite of Rewrite output: %v", err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("Rewrite is not idempotent:\n%q\n%q", out, again)
		}
	})
}

// FuzzOpen checks that Open never panics or hangs, that its errors
// render, and that every object reachable from the trailer resolves and
// every stream decodes within the limits.
func FuzzOpen(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxStreamBytes: 1 << 20, MaxTotalBytes: 4 << 20}
		watchdog(t, func() {
			r, err := Open(data, "", lim)
			if err != nil {
				_ = err.Error()
				return
			}
			// Values reached through a reference carry that object's ID,
			// direct ones their container's: visit each object once.
			seen := map[ObjID]bool{}
			// A reference to the object being walked carries that
			// object's ID, as a direct value does, so seen cannot stop
			// it: a self-reference in each of two places would double
			// the walk at every level (fuzz input ca3854b61dd9852a).
			// visits bounds the walk instead.
			visits := 0
			var walk func(v Value, parent ObjID, depth int)
			walk = func(v Value, parent ObjID, depth int) {
				if visits++; depth > 64 || visits > 100_000 {
					return
				}
				id, _ := v.ID()
				if id != parent {
					if seen[id] {
						return
					}
					seen[id] = true
				}
				switch v.Kind() {
				case Dict, Stream:
					for _, k := range v.Keys() {
						walk(v.Key(k), id, depth+1)
					}
					if v.Kind() == Stream {
						if _, err := v.Decode(nil, 1<<20); err != nil {
							_ = err.Error()
						}
					}
				case Array:
					for i := range min(v.Len(), 1000) {
						walk(v.Index(i), id, depth+1)
					}
				}
			}
			walk(r.Trailer(), ObjID{}, 0)
			if err := r.Err(); err != nil {
				_ = err.Error()
			}
		})
	})
}

// watchdog runs f and fails the test if it takes more than a few seconds:
// the fuzzer has no timeout of its own, and a slow input is a bug here.
func watchdog(t *testing.T, f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("still running after 10s")
	}
}
