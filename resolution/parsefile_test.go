package resolution_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

func readSample(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/valid/sample.pdf")
	require.NoError(t, err)
	return b
}

// TestParseFileOnPipe: a pipe has no size (Stat says 0); ParseFile reads
// it to the end instead of parsing zero bytes.
func TestParseFileOnPipe(t *testing.T) {
	sample := readSample(t)
	r, w, err := os.Pipe()
	require.NoError(t, err)
	go func() {
		w.Write(sample)
		w.Close()
	}()
	defer r.Close()
	res, err := resolution.ParseFile(t.Context(), "/dev/fd/"+strconv.Itoa(int(r.Fd())), nil)
	require.NoError(t, err)
	assert.Equal(t, "18764000000977", res.Number)
}

func TestParseReader(t *testing.T) {
	sample := readSample(t)
	res, err := resolution.ParseReader(t.Context(), strings.NewReader(string(sample)), nil)
	require.NoError(t, err)
	assert.Equal(t, "18764000000977", res.Number)

	_, err = resolution.ParseReader(t.Context(), strings.NewReader(string(sample)), &resolution.Options{MaxSize: int64(len(sample) - 1)})
	var pe *resolution.ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, resolution.ErrLimit)
	assert.Equal(t, "MaxSize", pe.Limit)

	_, err = resolution.ParseReader(t.Context(), brokenStream{}, nil)
	assert.ErrorIs(t, err, errBoom, "read errors pass through wrapped")
	assert.False(t, errors.As(err, &pe), "a read error is not the file's fault")
}

var errBoom = errors.New("boom")

type brokenStream struct{}

func (brokenStream) Read([]byte) (int, error) { return 0, errBoom }

func TestParseFileUnreadable(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.pdf")
	require.NoError(t, os.WriteFile(locked, readSample(t), 0o000))
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"missing file", filepath.Join(dir, "none.pdf"), fs.ErrNotExist},
		{"a directory", dir, nil},
		{"no read permission", locked, fs.ErrPermission},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.want == fs.ErrPermission && os.Geteuid() == 0 {
				t.Skip("root reads any file")
			}
			_, err := resolution.ParseFile(t.Context(), tc.path, nil)
			var pathErr *fs.PathError
			require.ErrorAs(t, err, &pathErr)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
		})
	}
}

func TestParseNotPDFAndPasswords(t *testing.T) {
	enc, err := os.ReadFile("../testdata/invalid/encrypted-rc4-user-password.pdf")
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		data    []byte
		opts    *resolution.Options
		want    error
		notWant error
	}{
		{"empty file", nil, nil, resolution.ErrNotPDF, nil},
		{"a README", []byte("# dianres\n\nlee el formato 1876\n"), nil, resolution.ErrNotPDF, nil},
		{"damaged PDF is not 'not a PDF'", []byte("%PDF-1.4\n1 0 obj\n"), nil, resolution.ErrMalformedPDF, resolution.ErrNotPDF},
		{"no password", enc, nil, resolution.ErrEncrypted, resolution.ErrWrongPassword},
		{"wrong password", enc, &resolution.Options{Password: "clave"}, resolution.ErrWrongPassword, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := resolution.ParseBytes(t.Context(), tc.data, tc.opts)
			var pe *resolution.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tc.want)
			if tc.notWant != nil {
				assert.NotErrorIs(t, err, tc.notWant)
			}
			assert.NotEmpty(t, pe.Hint())
		})
	}
	// The narrower sentinels still match the broader ones.
	assert.ErrorIs(t, resolution.ErrNotPDF, resolution.ErrMalformedPDF)
	assert.ErrorIs(t, resolution.ErrWrongPassword, resolution.ErrEncrypted)
}

// TestParseConcurrent backs the package's concurrency statement: run with
// -race, concurrent Parse calls over one shared file and Options agree.
func TestParseConcurrent(t *testing.T) {
	f, err := os.Open("../testdata/valid/sample.pdf")
	require.NoError(t, err)
	defer f.Close()
	fi, err := f.Stat()
	require.NoError(t, err)
	opts := &resolution.Options{}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := resolution.Parse(context.Background(), f, fi.Size(), opts)
			if err == nil && res.Number != "18764000000977" {
				err = errors.New("wrong number " + res.Number)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		assert.NoError(t, err)
	}
}
