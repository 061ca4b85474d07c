package pdfrepair

import (
	"bytes"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
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
		if err := Check(out); err != nil {
			t.Fatalf("Rewrite output fails Check: %v", err)
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

// FuzzCheck checks that Check never panics, that its errors render, and
// that ledongthuc/pdf opens what Check accepts without hanging or running
// out of memory (its panics are the text layer's to recover).
func FuzzCheck(f *testing.F) {
	fuzzSeeds(f)
	for _, tc := range rewriteCases() {
		if out, err := Rewrite(tc.input(f), tc.password, Limits{}); err == nil {
			f.Add(out)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var err error
		watchdog(t, func() { err = Check(data) })
		if err != nil {
			_ = err.Error()
			return
		}
		func() {
			defer func() { _ = recover() }()
			r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return
			}
			_ = r.NumPage()
		}()
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
