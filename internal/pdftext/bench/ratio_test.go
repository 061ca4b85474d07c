// Package bench times resolution.ParseBytes against the bare read of the
// same file, as issue 12 defines it: ledongthuc/pdf opening the file and
// inflating every page content stream and Form XObject. It is a module
// of its own so that ledongthuc/pdf, the yardstick, is not a dependency
// of dianres itself.
//
//	cd internal/pdftext/bench && go test -run '^$' -bench Ratio -benchtime 15x -cpu 1 -v
//
// Each iteration parses every fixture once and bare-reads it once, one
// right after the other, so both figures of a file see the same machine
// load. Per file the ratio is median(parse)/median(bare); the benchmark
// reports the median of those ratios over all files, and over the files
// ledongthuc/pdf cannot read as they are ("repaired": AES-256, broken
// xrefs, odd headers...), whose floor is the bare read of
// pdfrepair.Rewrite's clean copy (the rewrite itself is not timed).
package bench

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dianres/dianres/internal/pdfrepair"
	"github.com/dianres/dianres/resolution"
	"github.com/ledongthuc/pdf"
)

type fixture struct {
	name     string
	data     []byte // parsed
	floor    []byte // bare-read: data, or its rewrite
	repaired bool
	parse    []time.Duration
	bare     []time.Duration
	own      []time.Duration // the same bare read through pdfrepair's Reader
}

func fixtures(b *testing.B) []*fixture {
	var fs []*fixture
	for _, dir := range []string{"../../../testdata/valid", "../../../testdata/producers"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			f := &fixture{name: filepath.Join(filepath.Base(dir), filepath.Base(n)), data: data, floor: data}
			if bareRead(data) != nil {
				clean, err := pdfrepair.Rewrite(data, "", pdfrepair.Limits{})
				if err != nil || bareRead(clean) != nil {
					b.Logf("skip %s: no bare read (%v)", f.name, err)
					continue
				}
				f.floor, f.repaired = clean, true
			}
			if _, err := resolution.ParseBytes(context.Background(), data, nil); err != nil {
				b.Logf("skip %s: %v", f.name, err)
				continue
			}
			fs = append(fs, f)
		}
	}
	return fs
}

// bareRead opens data with ledongthuc/pdf and inflates every page's
// content and Form XObjects to io.Discard.
func bareRead(data []byte) (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("panic: %v", x)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	if r.NumPage() == 0 {
		return errors.New("no pages")
	}
	for n := 1; n <= r.NumPage(); n++ {
		p := r.Page(n)
		if err := drain(p.V.Key("Contents")); err != nil {
			return err
		}
		xo := p.Resources().Key("XObject")
		for _, name := range xo.Keys() {
			if x := xo.Key(name); x.Key("Subtype").Name() == "Form" {
				if err := drain(x); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ownRead is bareRead through pdfrepair's Reader, on the original file.
func ownRead(data []byte) error {
	r, err := pdfrepair.Open(data, "", pdfrepair.Limits{})
	if err != nil {
		return err
	}
	var buf []byte
	var walk func(node, res pdfrepair.Value, depth int) error
	walk = func(node, res pdfrepair.Value, depth int) error {
		if node.Key("Resources").Kind() == pdfrepair.Dict {
			res = node.Key("Resources")
		}
		if kids := node.Key("Kids"); kids.Kind() == pdfrepair.Array && depth < 32 {
			for i := range kids.Len() {
				if err := walk(kids.Index(i), res, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		streams := []pdfrepair.Value{node.Key("Contents")}
		if c := streams[0]; c.Kind() == pdfrepair.Array {
			streams = streams[:0]
			for i := range c.Len() {
				streams = append(streams, c.Index(i))
			}
		}
		xo := res.Key("XObject")
		for _, k := range xo.Keys() {
			if x := xo.Key(k); x.Key("Subtype").Name() == "Form" {
				streams = append(streams, x)
			}
		}
		for _, s := range streams {
			if buf, err = s.Decode(buf[:0], 1<<24); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(r.Trailer().Key("Root").Key("Pages"), pdfrepair.Value{}, 0)
}

func drain(v pdf.Value) error {
	if v.Kind() == pdf.Array {
		for i := range v.Len() {
			if err := drain(v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	rc := v.Reader()
	defer rc.Close()
	_, err := io.Copy(io.Discard, rc)
	return err
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianF(fs []float64) float64 {
	if len(fs) == 0 {
		return 0
	}
	s := slices.Clone(fs)
	slices.Sort(s)
	return s[len(s)/2]
}

func BenchmarkRatio(b *testing.B) {
	fs := fixtures(b)
	ctx := context.Background()
	for b.Loop() {
		for _, f := range fs {
			t0 := time.Now()
			if _, err := resolution.ParseBytes(ctx, f.data, nil); err != nil {
				b.Fatal(f.name, err)
			}
			t1 := time.Now()
			if err := bareRead(f.floor); err != nil {
				b.Fatal(f.name, err)
			}
			t2 := time.Now()
			if err := ownRead(f.data); err != nil {
				b.Fatal(f.name, err)
			}
			t3 := time.Now()
			f.parse = append(f.parse, t1.Sub(t0))
			f.bare = append(f.bare, t2.Sub(t1))
			f.own = append(f.own, t3.Sub(t2))
		}
	}
	b.StopTimer()
	var all, clean, rep, vsOwn []float64
	var parses, bares, owns, ownRep, bareRep []time.Duration
	slices.SortFunc(fs, func(x, y *fixture) int { return cmp.Compare(x.name, y.name) })
	var tbl strings.Builder
	fmt.Fprintf(&tbl, "%-48s %10s %10s %7s\n", "file", "parse", "bare", "ratio")
	for _, f := range fs {
		p, r := median(f.parse), median(f.bare)
		ratio := float64(p) / float64(r)
		all = append(all, ratio)
		vsOwn = append(vsOwn, float64(p)/float64(median(f.own)))
		if f.repaired {
			rep = append(rep, ratio)
		} else {
			clean = append(clean, ratio)
		}
		parses, bares, owns = append(parses, p), append(bares, r), append(owns, median(f.own))
		if f.repaired {
			ownRep, bareRep = append(ownRep, median(f.own)), append(bareRep, r)
		}
		mark := ""
		if f.repaired {
			mark = " (repaired)"
		}
		fmt.Fprintf(&tbl, "%-48s %10v %10v %6.2fx%s\n", f.name, p.Round(time.Microsecond), r.Round(time.Microsecond), ratio, mark)
	}
	b.Logf("\n%s", tbl.String())
	b.Logf("files %d (repaired %d): median parse %v, median bare %v; median ratio all %.2fx, clean %.2fx, repaired %.2fx",
		len(fs), len(rep), median(parses).Round(time.Microsecond), median(bares).Round(time.Microsecond), medianF(all), medianF(clean), medianF(rep))
	b.Logf("bare read, median per file: ledongthuc/pdf %v, pdfrepair.Reader %v (repaired files: ledongthuc on the rewrite %v, Reader on the original %v)",
		median(bares).Round(time.Microsecond), median(owns).Round(time.Microsecond),
		median(bareRep).Round(time.Microsecond), median(ownRep).Round(time.Microsecond))
	b.Logf("median ratio of parse to pdfrepair.Reader's bare read: %.2fx", medianF(vsOwn))
	b.ReportMetric(medianF(all), "ratio-median")
	b.ReportMetric(medianF(rep), "ratio-repaired")
	b.ReportMetric(float64(median(parses).Microseconds()), "µs-parse-median")
}
