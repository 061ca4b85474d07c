package fixturegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
)

// A Fixture is one generated PDF: its spec, how it is drawn, and what it
// exercises.
type Fixture struct {
	Name   string // file base name, without extension
	Note   string // what the fixture varies
	Spec   Spec
	Layout Layout
}

// PDF renders the fixture.
func (f Fixture) PDF() ([]byte, error) {
	fs, err := LoadFonts()
	if err != nil {
		return nil, err
	}
	return Render(f.Name, &f.Spec, f.Layout, fs), nil
}

// Lookup returns the valid fixture called name.
func Lookup(name string) (Fixture, bool) {
	for _, f := range ValidFixtures() {
		if f.Name == name {
			return f, true
		}
	}
	return Fixture{}, false
}

// An Invalid is a negative fixture: bytes and the CLI error code a
// correct tool reports for them.
type Invalid struct {
	Name string
	Note string
	Want string // "malformed-pdf", "encrypted", "no-text", "not-a-resolution", "incomplete"
	PDF  []byte
}

// cot returns a Colombian wall-clock time.
func cot(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, resolution.Colombia())
}

// GoldenJSON returns the indented golden for a spec.
func GoldenJSON(s *Spec) ([]byte, error) {
	b, err := json.MarshalIndent(s.Golden(), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Files returns every generated file, keyed by path relative to the
// testdata directory ("valid/sample.pdf", "invalid/x.want"...).
func Files() (map[string][]byte, error) {
	fs, err := LoadFonts()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	var vIdx, iIdx strings.Builder
	vIdx.WriteString("# Generated valid fixtures\n\nWritten by `go run ./internal/fixturegen/cmd/genfixtures`; do not edit. Each NAME.pdf has NAME.golden.json, built from the generator's input. Expected warnings carry only their code: compare warnings by code, since messages are the parser's.\n\n| file | what it exercises |\n| --- | --- |\n")
	iIdx.WriteString("# Generated invalid fixtures\n\nWritten by `go run ./internal/fixturegen/cmd/genfixtures`; do not edit. NAME.want holds the CLI error code.\n\n| file | want | what it is |\n| --- | --- | --- |\n")
	for _, f := range ValidFixtures() {
		fmt.Fprintf(&vIdx, "| %s.pdf | %s |\n", f.Name, f.Note)
		out["valid/"+f.Name+".pdf"] = Render(f.Name, &f.Spec, f.Layout, fs)
		g, err := GoldenJSON(&f.Spec)
		if err != nil {
			return nil, fmt.Errorf("fixturegen: %s: %w", f.Name, err)
		}
		out["valid/"+f.Name+".golden.json"] = g
	}
	for _, f := range InvalidFixtures(fs) {
		fmt.Fprintf(&iIdx, "| %s.pdf | %s | %s |\n", f.Name, f.Want, f.Note)
		out["invalid/"+f.Name+".pdf"] = f.PDF
		out["invalid/"+f.Name+".want"] = []byte(f.Want + "\n")
	}
	out["valid/README.md"] = []byte(vIdx.String())
	out["invalid/README.md"] = []byte(iIdx.String())
	return out, nil
}

// writtenElsewhere are invalid fixtures made by genfixtures -bomb (slow
// to compress) and producers.sh (needs ghostscript), which Write keeps.
var writtenElsewhere = []string{"flate-bomb-1gib", "gs-pdfwrite-no-unicode"}

// Write regenerates testdata/valid and testdata/invalid under dir,
// removing generated files that are no longer produced.
func Write(dir string) error {
	files, err := Files()
	if err != nil {
		return err
	}
	for _, sub := range []string{"valid", "invalid"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
		old, _ := filepath.Glob(filepath.Join(dir, sub, "*"))
		for _, p := range old {
			rel, _ := filepath.Rel(dir, p)
			base := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			if _, keep := files[filepath.ToSlash(rel)]; !keep && !slices.Contains(writtenElsewhere, base) {
				if err := os.Remove(p); err != nil {
					return err
				}
			}
		}
	}
	for rel, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if cur, err := os.ReadFile(p); err == nil && bytes.Equal(cur, b) {
			continue
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
