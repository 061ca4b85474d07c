package prefix_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dianres/dianres/prefix"
)

// seedXML adds every testdata/xml sample to the corpus.
func seedXML(f *testing.F) {
	names, err := filepath.Glob(filepath.Join("..", "testdata", "xml", "*.xml"))
	if err != nil || len(names) == 0 {
		f.Fatalf("no seeds in testdata/xml: %v", err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// fuzzOpts keeps each input cheap while still reaching every limit.
var fuzzOpts = &prefix.Options{MaxSize: 64 << 10, MaxDepth: 32, MaxElements: 2000}

// checkErr fails unless err is one the API documents, and prints.
func checkErr(t *testing.T, err error) {
	t.Helper()
	if err.Error() == "" {
		t.Fatal("empty error text")
	}
	var pe *prefix.ParseError
	var oe *prefix.OperationError
	switch {
	case errors.As(err, &pe):
		if pe.Err == nil || !strings.HasPrefix(err.Error(), "prefix: ") {
			t.Fatalf("ParseError without sentinel or prefix: %q", err)
		}
	case errors.As(err, &oe):
	default:
		t.Fatalf("untyped error %T: %v", err, err)
	}
}

func FuzzParseNumberingRanges(f *testing.F) {
	seedXML(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := prefix.ParseNumberingRanges(bytes.NewReader(b), fuzzOpts)
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, r := range rs {
			if r.From <= 0 || r.From > r.To {
				t.Fatalf("bad range %d-%d", r.From, r.To)
			}
			if !r.ValidFrom.Valid() || !r.ValidTo.Valid() || r.ValidTo.Before(r.ValidFrom) {
				t.Fatalf("bad validity %v-%v", r.ValidFrom, r.ValidTo)
			}
			if r.ResolutionNumber == "" {
				t.Fatal("empty resolution number")
			}
		}
		j, err := json.Marshal(rs)
		if err != nil {
			t.Fatal(err)
		}
		var back []prefix.NumberingRange
		if err := json.Unmarshal(j, &back); err != nil {
			t.Fatal(err)
		}
		if len(back) != len(rs) {
			t.Fatalf("JSON round trip: %d ranges, want %d", len(back), len(rs))
		}
		for i := range rs {
			if back[i] != rs[i] {
				t.Fatalf("JSON round trip: %+v, want %+v", back[i], rs[i])
			}
		}
		// Whatever was read must compare without panicking.
		prefix.Associate(dianTestResolution(), rs)
	})
}

func FuzzParseInvoice(f *testing.F) {
	seedXML(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		inv, err := prefix.ParseInvoice(bytes.NewReader(b), fuzzOpts)
		if err != nil {
			checkErr(t, err)
			return
		}
		if inv.ID == "" || !inv.IssueDate.Valid() {
			t.Fatalf("incomplete invoice accepted: %+v", inv)
		}
		if c := inv.Control; c != nil && (c.From <= 0 || c.From > c.To) {
			t.Fatalf("bad control range %d-%d", c.From, c.To)
		}
		if !inv.IssueDay().Valid() {
			t.Fatalf("IssueDay %v from %v %q", inv.IssueDay(), inv.IssueDate, inv.IssueTime)
		}
		if _, err := json.Marshal(inv); err != nil {
			t.Fatal(err)
		}
		rep := prefix.CheckInvoice(dianTestResolution(), inv, &prefix.InvoiceOptions{SoftwareID: "x"})
		if _, err := json.Marshal(rep); err != nil {
			t.Fatal(err)
		}
	})
}
