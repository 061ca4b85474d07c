package resolution_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

// goldenDirs hold NAME.pdf with NAME.golden.json, written by
// internal/fixturegen from the data it drew, never from this parser.
var goldenDirs = []string{"../testdata/valid", "../testdata/producers"}

func goldenFiles(t testing.TB) []string {
	var files []string
	for _, dir := range goldenDirs {
		m, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files, "no fixtures: run go run ./internal/fixturegen/cmd/genfixtures")
	return files
}

func TestGolden(t *testing.T) {
	for _, pdf := range goldenFiles(t) {
		name := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		t.Run(filepath.Base(filepath.Dir(pdf))+"/"+name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(pdf, ".pdf") + ".golden.json")
			require.NoError(t, err)
			res, err := resolution.ParseFile(t.Context(), pdf, nil)
			require.NoError(t, err)
			got, err := json.MarshalIndent(res, "", "  ")
			require.NoError(t, err)
			assert.JSONEq(t, warningCodesOnly(t, want), warningCodesOnly(t, got))
		})
	}
}

// warningCodesOnly reduces each warning to its code: a golden file states
// which checks must fail, not the wording of their messages.
func warningCodesOnly(t *testing.T, doc []byte) string {
	var m map[string]any
	require.NoError(t, json.Unmarshal(doc, &m))
	ws, _ := m["warnings"].([]any)
	codes := make([]any, len(ws))
	for i, w := range ws {
		codes[i] = w.(map[string]any)["code"]
	}
	m["warnings"] = codes
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return string(out)
}

// sentinels maps the CLI's error codes (testdata/invalid/NAME.want) to the
// errors Parse must return.
var sentinels = map[string][]error{
	"malformed-pdf":    {resolution.ErrMalformedPDF, resolution.ErrLimit}, // the CLI reports a limit hit as malformed-pdf
	"encrypted":        {resolution.ErrEncrypted},
	"no-text":          {resolution.ErrNoText},
	"not-a-resolution": {resolution.ErrNotForm1876},
	"incomplete":       {resolution.ErrIncomplete, resolution.ErrBadValue},
}

func TestInvalid(t *testing.T) {
	files, err := filepath.Glob("../testdata/invalid/*.pdf")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, pdf := range files {
		t.Run(filepath.Base(pdf), func(t *testing.T) {
			b, err := os.ReadFile(strings.TrimSuffix(pdf, ".pdf") + ".want")
			require.NoError(t, err)
			code := strings.TrimSpace(string(b))
			require.Contains(t, sentinels, code)
			_, err = resolution.ParseFile(t.Context(), pdf, nil)
			var pe *resolution.ParseError
			require.ErrorAs(t, err, &pe)
			assert.True(t, slicesAny(sentinels[code], func(s error) bool { return errors.Is(err, s) }),
				"want %s, got %v", code, err)
			assert.True(t, strings.HasPrefix(err.Error(), "resolution: "), err.Error())
			assert.NotEmpty(t, pe.Hint())
		})
	}
}

func slicesAny(errs []error, f func(error) bool) bool {
	for _, e := range errs {
		if f(e) {
			return true
		}
	}
	return false
}

// TestParallel parses every fixture from many goroutines at once; run with
// -race it proves Parse shares no mutable state.
func TestParallel(t *testing.T) {
	files := goldenFiles(t)
	var wg sync.WaitGroup
	errs := make([]error, len(files)*4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = resolution.ParseFile(context.Background(), files[i%len(files)], nil)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, files[i%len(files)])
	}
}

// TestParseBytesReadsInPlace checks that ParseBytes, which reads the
// caller's slice without copying it, never writes to it: not while
// decrypting, not while mending a damaged cross-reference table.
func TestParseBytesReadsInPlace(t *testing.T) {
	for _, name := range []string{
		"../testdata/valid/sample.pdf",
		"../testdata/producers/qpdf-aes256-r6-sample.pdf",
		"../testdata/producers/qpdf-rc4-128-sample.pdf",
		"../testdata/producers/damage-xref-removed.pdf",
	} {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		orig := bytes.Clone(data)
		_, err = resolution.ParseBytes(t.Context(), data, nil)
		require.NoError(t, err, name)
		assert.True(t, bytes.Equal(orig, data), "%s: ParseBytes wrote to its input", name)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := resolution.ParseFile(ctx, "../testdata/valid/sample.pdf", nil)
	assert.ErrorIs(t, err, context.Canceled)
}

// failingReader fails every read, as a broken disk or network stream does.
type failingReader struct{}

func (failingReader) ReadAt([]byte, int64) (int, error) { return 0, errIO }

var errIO = errors.New("disk on fire")

func TestIOErrorPassesThrough(t *testing.T) {
	_, err := resolution.Parse(t.Context(), failingReader{}, 1000, nil)
	require.ErrorIs(t, err, errIO)
	var pe *resolution.ParseError
	assert.False(t, errors.As(err, &pe), "an I/O error is not the file's fault: %v", err)
}

func TestSizeLimit(t *testing.T) {
	_, err := resolution.ParseFile(t.Context(), "../testdata/valid/sample.pdf", &resolution.Options{MaxSize: 100})
	var pe *resolution.ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, resolution.ErrLimit)
	assert.Equal(t, "MaxSize", pe.Limit)
}

func BenchmarkParse(b *testing.B) { benchmarkParse(b, "../testdata/valid/sample.pdf") }

// BenchmarkParseRepaired parses the same document protected with AES-256
// (empty user password), which only pdfrepair's rewrite can read: the cost
// of the repair path, paid only by files that need it.
func BenchmarkParseRepaired(b *testing.B) {
	benchmarkParse(b, "../testdata/producers/qpdf-aes256-r6-sample.pdf")
}

func benchmarkParse(b *testing.B, file string) {
	data, err := os.ReadFile(file)
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := resolution.ParseBytes(context.Background(), data, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseBytes(f *testing.F) {
	for _, glob := range []string{"../testdata/valid/*.pdf", "../testdata/invalid/*.pdf"} {
		m, _ := filepath.Glob(glob)
		for _, p := range m {
			if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := resolution.ParseBytes(context.Background(), b, &resolution.Options{MaxStreamBytes: 1 << 20, MaxOps: 100_000})
		if err != nil {
			var pe *resolution.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *ParseError: %T %v", err, err)
			}
			_ = err.Error()
			if res == nil {
				return
			}
		}
		for _, rg := range res.Ranges {
			if rg.From > rg.To && rg.To != 0 {
				t.Fatalf("from %d > to %d", rg.From, rg.To)
			}
			if !rg.ValidFrom.IsZero() && !rg.ValidFrom.Valid() {
				t.Fatalf("invalid date %v", rg.ValidFrom)
			}
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatalf("result does not marshal: %v", err)
		}
	})
}

// BenchmarkFlateBomb parses a PDF whose content inflates to 1 GiB: the
// MaxStreamBytes limit must stop it after 16 MiB, so B/op stays small.
func BenchmarkFlateBomb(b *testing.B) {
	data, err := os.ReadFile("../testdata/invalid/flate-bomb-1gib.pdf")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_, err := resolution.ParseBytes(context.Background(), data, nil)
		if !errors.Is(err, resolution.ErrLimit) {
			b.Fatalf("want ErrLimit, got %v", err)
		}
	}
}

// TestResultsOutliveLaterParses: parsing reuses the memory of pages it is
// done with (pdftext's and form's pools), so nothing a result holds may
// live there. Every fixture's result, kept while all the others are
// parsed, must read the same afterwards.
func TestResultsOutliveLaterParses(t *testing.T) {
	files := goldenFiles(t)
	results := make([]*resolution.Resolution, len(files))
	before := make([]string, len(files))
	for i, name := range files {
		res, err := resolution.ParseFile(context.Background(), name, nil)
		require.NoError(t, err, name)
		js, err := json.Marshal(res)
		require.NoError(t, err)
		results[i], before[i] = res, string(js)
	}
	for range 2 {
		for _, name := range files {
			_, err := resolution.ParseFile(context.Background(), name, nil)
			require.NoError(t, err, name)
		}
	}
	for i, res := range results {
		js, err := json.Marshal(res)
		require.NoError(t, err)
		assert.Equal(t, before[i], string(js), files[i])
	}
}
