package layouts

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/dianres/dianres/internal/fixturegen"
)

// PerFamily is how many documents each family has per producer in
// testdata/layouts.
const PerFamily = 10

// readme returns testdata/layouts/README.md.
func readme() []byte {
	var b strings.Builder
	b.WriteString("# Layout families\n\nWritten by `go run ./internal/fixturegen/cmd/genlayouts`; do not edit. ")
	b.WriteString("Each `<family>/<name>.pdf` has `<name>.json`, the truth in the format of the shared evaluation corpus ")
	b.WriteString("(`number`, `nit`, `dv`, `name`, `ranges[]`; `_family` and `_variant` are notes), built from the generator's input, never from the parser. ")
	b.WriteString("`-writer-` files come from fixturegen's PDF writer and are byte-for-byte reproducible; `-gs-` files are PostScript from the same generator run through Ghostscript's ps2pdf (`genlayouts -gs`), ")
	b.WriteString("`-chromium-` files HTML with inline SVG printed by headless Chromium (`genlayouts -chromium`).\n\n")
	b.WriteString("Score the parser with `go run ./internal/fixturegen/cmd/scorelayouts`. Families marked held out are for measurement only: see HELDOUT.\n\n")
	b.WriteString("| family | held out | region of the layout space |\n| --- | --- | --- |\n")
	for _, f := range Families {
		h := ""
		if IsHeldOut(f.Name) {
			h = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", f.Name, h, f.Note)
	}
	return []byte(b.String())
}

// heldOutNote returns testdata/layouts/HELDOUT.
func heldOutNote() []byte {
	var b strings.Builder
	b.WriteString(`Held-out layout families. One name per line after this header; the list
is layouts.HeldOut in internal/fixturegen/layouts/layout.go, and this file
is generated from it.

Held out means: these families are for MEASUREMENT ONLY. Do not open their
PDFs, read their text, debug the parser against them, or add rules because
one of them fails. Develop against the other families (and the rest of
testdata), then run scorelayouts and read the held-out totals as an
estimate of how the parser does on layouts nobody tuned it for. Once a
held-out family has been used for development it no longer measures
anything: replace it with a new region of the layout space.

What only the held-out families contain: values and table columns centred,
values printed above their labels, page-1 box labels wrapped over three
lines (table headers wrap that far everywhere), captions of other areas
and page furniture on the same line as values, and stamp dates spelled out
in Spanish words. Everything else (fonts, wording, numbering, rules,
separators, letter-spacing, extra columns, producers) is shared with the
development families.

`)
	for _, f := range HeldOut {
		b.WriteString(f + "\n")
	}
	return []byte(b.String())
}

// Files returns the writer-made files of testdata/layouts and every
// truth file (Ghostscript documents included), keyed by slash path
// relative to testdata/layouts.
func Files(fs *fixturegen.Fonts, n int) (map[string][]byte, error) {
	out := map[string][]byte{"README.md": readme(), "HELDOUT": heldOutNote()}
	for _, d := range Docs(n) {
		t, err := d.TruthJSON()
		if err != nil {
			return nil, fmt.Errorf("layouts: %s: %w", d.Name, err)
		}
		out[d.Family+"/"+d.Name+".json"] = t
		if d.Producer == Writer {
			out[d.Family+"/"+d.Name+".pdf"] = d.WriterPDF(fs)
		}
	}
	return out, nil
}

// Write writes Files under dir, leaving unchanged files untouched. With
// gs it also renders the Ghostscript documents with ps2pdf, with chromium
// the Chromium documents with headless Chromium.
func Write(ctx context.Context, dir string, n int, gs, chromium bool) error {
	fs, err := fixturegen.LoadFonts()
	if err != nil {
		return err
	}
	files, err := Files(fs, n)
	if err != nil {
		return err
	}
	for rel, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if cur, err := os.ReadFile(p); err == nil && bytes.Equal(cur, b) {
			continue
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	if chromium {
		if err := writeChromium(ctx, dir, n, fs); err != nil {
			return err
		}
	}
	if !gs {
		return nil
	}
	tmp, err := os.MkdirTemp("", "genlayouts")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := WritePostScript(tmp, n); err != nil {
		return err
	}
	for _, d := range Docs(n) {
		if d.Producer != Ghostscript {
			continue
		}
		src := filepath.Join(tmp, d.Name+".ps")
		dst := filepath.Join(dir, d.Family, d.Name+".pdf")
		// No automatic page rotation: the stamp's rotated glyphs must
		// not turn a page. SOURCE_DATE_EPOCH fixes the dates and the
		// file identifier, so one Ghostscript version gives the same
		// bytes on every run.
		cmd := exec.CommandContext(ctx, "ps2pdf", "-dAutoRotatePages=/None", src, dst)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("layouts: ps2pdf %s: %v: %s", d.Name, err, out)
		}
	}
	return nil
}

// WritePostScript writes the PostScript program of every Ghostscript
// document into dir as <name>.ps, the input ps2pdf turns into
// testdata/layouts/<family>/<name>.pdf.
func WritePostScript(dir string, n int) error {
	fs, err := fixturegen.LoadFonts()
	if err != nil {
		return err
	}
	for _, d := range Docs(n) {
		if d.Producer != Ghostscript {
			continue
		}
		ps, err := d.PostScript(fs)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, d.Name+".ps"), ps, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeChromium prints every Chromium document's HTML to PDF.
func writeChromium(ctx context.Context, dir string, n int, fs *fixturegen.Fonts) error {
	tmp, err := os.MkdirTemp("", "genlayouts")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, d := range Docs(n) {
		if d.Producer != Chromium {
			continue
		}
		src := filepath.Join(tmp, d.Name+".html")
		if err := os.WriteFile(src, d.HTML(fs), 0o644); err != nil {
			return err
		}
		dst, err := filepath.Abs(filepath.Join(dir, d.Family, d.Name+".pdf"))
		if err != nil {
			return err
		}
		// --no-sandbox: generation runs in containers, often as root.
		cmd := exec.CommandContext(ctx, "chromium", "--headless", "--no-sandbox", "--disable-gpu",
			"--no-pdf-header-footer", "--print-to-pdf="+dst, "file://"+src)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("layouts: chromium %s: %v: %s", d.Name, err, out)
		}
	}
	return nil
}
