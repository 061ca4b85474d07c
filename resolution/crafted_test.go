package resolution_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

// TestCraftedFiles damages a valid, uncompressed fixture in the ways
// hostile or broken uploads are damaged. Whatever the outcome, Parse must
// return: a result or a *ParseError with a sentinel, never a panic or a
// hang (a hang fails the run by go test's timeout).
func TestCraftedFiles(t *testing.T) {
	clean, err := os.ReadFile("../testdata/valid/uncompressed.pdf")
	require.NoError(t, err)
	golden, err := os.ReadFile("../testdata/valid/uncompressed.golden.json")
	require.NoError(t, err)
	replace := func(b []byte, old, new string) []byte {
		require.True(t, bytes.Contains(b, []byte(old)), "fixture lacks %q", old)
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	}
	xref := bytes.LastIndex(clean, []byte("\nxref\n"))
	require.Positive(t, xref)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"xref offsets all zero", append(clean[:xref:xref], bytes.Map(func(r rune) rune {
			if r >= '1' && r <= '9' {
				return '0'
			}
			return r
		}, clean[xref:])...)},
		{"xref cut off", clean[:xref]},
		{"font object missing", replace(clean, "10 0 obj", "10 0 xxx")},
		{"descendant font missing", replace(clean, "8 0 obj", "8 0 xxx")},
		{"page refers to itself as its resources", replace(clean, "/Resources << /Font << /F1 10 0 R >> >>", "/Resources 3 0 R")},
		{"font refers to itself as descendant", replace(clean, "/DescendantFonts [8 0 R]", "/DescendantFonts [10 0 R]")},
		{"pages node is its own kid", replace(clean, "/Parent 1 0 R", "/Parent 3 0 R")},
		{"unknown filter on content", replace(clean, "<<  /Length 4048 >>", "<<  /Length 4048 /Filter /FooDecode >>")},
		{"ToUnicode CMap broken", replace(clean, "beginbfchar", "beginbf(har")},
		{"ToUnicode CMap truncated", replace(clean, "endcmap", "")},
		{"widths array broken", replace(clean, "/W [3 [318]", "/W [3 [[[[")},
		{"stream length too long", replace(clean, "/Length ", "/Length 9")},
		{"truncated in the middle of a stream", clean[:len(clean)/3]},
		{"file of junk with a PDF header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("<<[("), 5000)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := resolution.ParseBytes(t.Context(), tc.data, nil)
			if err != nil {
				var pe *resolution.ParseError
				require.ErrorAs(t, err, &pe)
				require.NotEmpty(t, err.Error())
				for _, s := range []error{resolution.ErrMalformedPDF, resolution.ErrEncrypted, resolution.ErrNoText,
					resolution.ErrNotForm1876, resolution.ErrIncomplete, resolution.ErrBadValue, resolution.ErrLimit} {
					if errors.Is(err, s) {
						return
					}
				}
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			// Read at all, it must be read right: damage never becomes a
			// plausible wrong value.
			got, err := json.Marshal(res)
			require.NoError(t, err)
			assert.JSONEq(t, warningCodesOnly(t, golden), warningCodesOnly(t, got))
		})
	}
}
