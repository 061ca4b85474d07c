// Command comparetext compares pdftotext with resolution.ParseFile over
// the PDF fixtures, for people deciding what to fix next. It is not a test.
//
// Usage, from the module root:
//
//	go run ./internal/fixturegen/cmd/comparetext [DIR...]
//
// DIR defaults to testdata/valid, testdata/producers and testdata/invalid.
// For each PDF it prints whether pdftotext (if installed) extracts text,
// what ParseFile returns (ok or an error code), and whether the result
// matches NAME.golden.json, or NAME.want for a file that must fail.
// Warnings are compared by code only: their messages are the parser's.
//
// It also reads each file the way a script would: `pdftotext -layout`
// plus the patterns of the parser's own text reading (form.ReadTextLines),
// and counts the fields that such a text dump reads right and the parser
// misses or reads otherwise. The parser reads the text order too, so that
// count should be zero. NAME.json truth files (testdata/layouts) are read
// like goldens: pass their folders as DIR.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dianres/dianres/internal/form"
	"github.com/dianres/dianres/resolution"
)

// codes maps sentinels to the CLI's error codes.
var codes = []struct {
	err  error
	code string
}{
	{resolution.ErrMalformedPDF, "malformed-pdf"},
	{resolution.ErrWrongPassword, "wrong-password"}, // before ErrEncrypted, which it also matches
	{resolution.ErrEncrypted, "encrypted"},
	{resolution.ErrNoText, "no-text"},
	{resolution.ErrNotForm1876, "not-a-resolution"},
	{resolution.ErrIncomplete, "incomplete"},
	{resolution.ErrBadValue, "incomplete"}, // as the CLI contract reports them
}

func errorCode(err error) string {
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return "other"
}

type result struct {
	file      string
	pdftotext string // "ok", "fails", "empty" or "-" when not installed
	parse     string // "ok" or an error code
	match     string // "yes", "no", "-" (nothing to compare with)
	detail    string
	dumpOnly  []string // fields a text dump plus patterns reads right and the parser does not
}

func main() {
	timeout := flag.Duration("timeout", 20*time.Second, "time limit per file")
	verbose := flag.Bool("v", false, "print the parser's error or the first JSON difference")
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		dirs = []string{"testdata/valid", "testdata/producers", "testdata/invalid"}
	}
	pdftotext, _ := exec.LookPath("pdftotext")
	var files []string
	for _, d := range dirs {
		m, err := filepath.Glob(filepath.Join(d, "*.pdf"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "comparetext:", err)
			os.Exit(2)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "comparetext: no PDFs found; run from the module root")
		os.Exit(2)
	}
	var results []result
	for _, f := range files {
		results = append(results, check(f, pdftotext, *timeout))
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tpdftotext\tresolution\tmatches expected\tdump reads, parser misses")
	var nText, nParse, nMatch, nExpect, nDump int
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.file, r.pdftotext, r.parse, r.match, strings.Join(r.dumpOnly, " "))
		nDump += len(r.dumpOnly)
		if *verbose && r.detail != "" {
			fmt.Fprintf(tw, "  %s\t\t\t\n", r.detail)
		}
		if r.pdftotext == "ok" {
			nText++
		}
		if r.parse == "ok" {
			nParse++
		}
		if r.match != "-" {
			nExpect++
		}
		if r.match == "yes" {
			nMatch++
		}
	}
	tw.Flush()
	m := len(results)
	if pdftotext == "" {
		fmt.Printf("\npdftotext not installed; ")
	} else {
		fmt.Printf("\npdftotext read %d of %d; ", nText, m)
	}
	fmt.Printf("resolution read %d of %d; resolution matched golden or .want %d of %d\n", nParse, m, nMatch, nExpect)
	if pdftotext != "" {
		fmt.Printf("fields a text dump plus patterns reads right and resolution misses: %d\n", nDump)
	}
}

// truth is what a golden or a layouts truth file says, in the keys both use.
type truth struct {
	Number, NIT, DV, Name string
	Ranges                []struct {
		Prefix   string
		From, To int64
	}
}

// dumpOnly returns the fields that pdftotext -layout plus the text
// reading's patterns read as the truth says while res does not.
func dumpOnly(ctx context.Context, pdftotext, path string, res *resolution.Resolution, want truth) []string {
	out, err := exec.CommandContext(ctx, pdftotext, "-q", "-layout", path, "-").Output()
	if err != nil {
		return nil
	}
	t := form.ReadTextLines(strings.Split(string(out), "\n"))
	var got resolution.Resolution
	if res != nil {
		got = *res
	}
	var miss []string
	check := func(name, dump, want, parsed string) {
		if dump != "" && dump == want && parsed != want {
			miss = append(miss, name)
		}
	}
	check("number", t.Number, want.Number, got.Number)
	check("nit", t.NIT, want.NIT, got.NIT)
	check("dv", t.DV, want.DV, got.DV)
	for i, r := range t.Rows {
		if i >= len(want.Ranges) {
			break
		}
		from, _ := strconv.ParseInt(strings.NewReplacer(",", "", ".", "", " ", "").Replace(r.From), 10, 64)
		to, _ := strconv.ParseInt(strings.NewReplacer(",", "", ".", "", " ", "").Replace(r.To), 10, 64)
		var pf, pt int64
		if i < len(got.Ranges) {
			pf, pt = got.Ranges[i].From, got.Ranges[i].To
		}
		if from == want.Ranges[i].From && pf != from {
			miss = append(miss, fmt.Sprintf("ranges[%d].from", i))
		}
		if to == want.Ranges[i].To && pt != to {
			miss = append(miss, fmt.Sprintf("ranges[%d].to", i))
		}
	}
	return miss
}

func check(path, pdftotext string, timeout time.Duration) result {
	r := result{file: path, pdftotext: "-", match: "-"}
	// Each tool gets its own deadline: pdftotext inflating a bomb must
	// not use up the parser's time.
	tctx, tcancel := context.WithTimeout(context.Background(), timeout)
	defer tcancel()
	if pdftotext != "" {
		out, err := exec.CommandContext(tctx, pdftotext, "-q", path, "-").Output()
		switch {
		case err != nil:
			r.pdftotext = "fails"
		case len(bytes.TrimSpace(out)) == 0:
			r.pdftotext = "empty"
		default:
			r.pdftotext = "ok"
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	res, err := resolution.ParseFile(ctx, path, nil)
	base := strings.TrimSuffix(path, ".pdf")
	if pdftotext != "" {
		for _, name := range []string{base + ".golden.json", base + ".json"} {
			if b, rerr := os.ReadFile(name); rerr == nil {
				var t truth
				if json.Unmarshal(b, &t) == nil && t.Number != "" {
					r.dumpOnly = dumpOnly(tctx, pdftotext, path, res, t)
				}
				break
			}
		}
	}
	want, wantErr := os.ReadFile(base + ".want")
	if err != nil {
		r.parse = errorCode(err)
		r.detail = err.Error()
		if wantErr == nil {
			r.match = yesNo(strings.TrimSpace(string(want)) == r.parse)
		} else if _, gErr := os.Stat(base + ".golden.json"); gErr == nil {
			r.match = "no"
		}
		return r
	}
	r.parse = "ok"
	if wantErr == nil {
		r.match = "no"
		r.detail = "parsed, but should fail with " + strings.TrimSpace(string(want))
		return r
	}
	golden, gErr := os.ReadFile(base + ".golden.json")
	if gErr != nil {
		return r
	}
	var exp resolution.Resolution
	if err := json.Unmarshal(golden, &exp); err != nil {
		r.match = "no"
		r.detail = "bad golden: " + err.Error()
		return r
	}
	a, b := normalize(*res), normalize(exp)
	r.match = yesNo(bytes.Equal(a, b))
	if r.match == "no" {
		r.detail = "got " + string(a)
	}
	return r
}

// normalize marshals r with warnings reduced to sorted codes.
func normalize(r resolution.Resolution) []byte {
	var ws []resolution.Warning
	for _, w := range r.Warnings {
		ws = append(ws, resolution.Warning{Code: w.Code})
	}
	slices.SortFunc(ws, func(a, b resolution.Warning) int { return strings.Compare(string(a.Code), string(b.Code)) })
	r.Warnings = ws
	b, _ := json.Marshal(r)
	return b
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
