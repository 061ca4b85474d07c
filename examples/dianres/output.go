package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

// schemaID is the "schema" field of every JSON object the CLI prints. It
// changes only when a field is removed or changes meaning; new fields may
// appear under the same value. docs/dianres.schema.json describes it.
const schemaID = "dianres/v1"

// writeLine writes v as one compact JSON line.
func writeLine(w io.Writer, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only a bug can get here: every value printed is plain data.
		panic(fmt.Sprintf("dianres: encoding output: %v", err))
	}
	w.Write(b.Bytes())
}

// errorLine is the JSON a failure prints: the input, the problem and,
// for an incomplete parse, what was read.
type errorLine struct {
	Schema  string          `json:"schema"`
	File    string          `json:"file"`
	Error   problem         `json:"error"`
	Partial *resolutionJSON `json:"partial,omitempty"`
}

// resolutionJSON is a resolution as every command prints it, with
// warnings in the user's language.
type resolutionJSON struct {
	Number string `json:"number"`
	resolution.Issuer
	Ranges   []resolution.Range `json:"ranges"`
	Warnings []warningJSON      `json:"warnings"`
	// Sources, with parse --explain: where each value was read.
	Sources []resolution.Source `json:"sources,omitempty"`
}

func toResolutionJSON(r *resolution.Resolution, l lang) *resolutionJSON {
	ranges := r.Ranges
	if ranges == nil {
		ranges = []resolution.Range{}
	}
	return &resolutionJSON{Number: r.Number, Issuer: r.Issuer, Ranges: ranges, Warnings: warningsJSON(r, l)}
}

// A finding is one thing wrong, in one shape for every command: code
// always; rule only when DIAN has a code for it; the field concerned;
// the value the formato 1876 holds or allows ("resolution") and the value
// found (in the number, DIAN's answer or the invoice); a message.
type finding struct {
	Code       string `json:"code"`
	Rule       string `json:"rule,omitempty"`
	Field      string `json:"field"`
	Resolution string `json:"resolution"`
	Found      string `json:"found"`
	Message    string `json:"message"`
}

func span(r resolution.Range) string {
	return strconv.FormatInt(r.From, 10) + "-" + strconv.FormatInt(r.To, 10)
}

func validity(r resolution.Range) string { return r.ValidFrom.String() + "/" + r.ValidTo.String() }

// fromValidate converts a validate finding. prefixes lists the
// authorized prefixes, the resolution side of an unknown prefix.
func fromValidate(f validate.Finding, prefixes string, l lang) finding {
	out := finding{Code: string(f.Code), Rule: f.Rule, Message: f.Message(l.validate())}
	switch f.Code {
	case validate.CodeUnknownPrefix:
		out.Field, out.Resolution, out.Found = "prefix", prefixes, f.Prefix
	case validate.CodeAmbiguousPrefix, validate.CodeMalformed:
		out.Field, out.Resolution, out.Found = "id", prefixes, f.ID
	case validate.CodeOutOfRange, validate.CodeDisabledRange:
		out.Field, out.Resolution, out.Found = "number", span(f.Range), strconv.FormatInt(f.Number, 10)
	case validate.CodeNotYetValid, validate.CodeExpired:
		out.Field, out.Resolution, out.Found = "issue_date", validity(f.Range), f.Date.String()
		if f.ID == "" { // an audit alert: the range itself expired
			out.Field, out.Resolution = "valid_to", f.Range.ValidTo.String()
		}
	case validate.CodeDuplicate:
		out.Field, out.Found = "number", f.Prefix+strconv.FormatInt(f.Number, 10)
		out.Resolution = span(f.Range)
	case validate.CodeGap, validate.CodeOutOfOrder:
		out.Field, out.Resolution = "number", span(f.Range)
		out.Found = f.Prefix + strconv.FormatInt(f.Number, 10)
		if f.To != f.Number {
			out.Found += "-" + f.Prefix + strconv.FormatInt(f.To, 10)
		}
	case validate.CodeRunningOut:
		out.Field, out.Resolution, out.Found = "remaining", span(f.Range), strconv.FormatInt(f.Remaining, 10)
	case validate.CodeExpiring:
		out.Field, out.Resolution, out.Found = "valid_to", f.Range.ValidTo.String(), strconv.Itoa(f.DaysLeft)
	}
	return out
}

func fromValidateAll(fs []validate.Finding, prefixes string, l lang) []finding {
	out := make([]finding, 0, len(fs))
	for _, f := range fs {
		out = append(out, fromValidate(f, prefixes, l))
	}
	return out
}

// mismatchCodes names each DIAN rule of package prefix in the CLI's
// vocabulary.
var mismatchCodes = map[prefix.Rule]string{
	prefix.RuleFAD05e: "range-not-found",
	prefix.RuleFAB05b: "resolution-number-mismatch",
	prefix.RuleFAB05c: "software-id-mismatch",
	prefix.RuleFAB07b: "valid-from-mismatch",
	prefix.RuleFAB08b: "valid-to-mismatch",
	prefix.RuleFAB10b: "prefix-mismatch",
	prefix.RuleFAB11b: "from-mismatch",
	prefix.RuleFAB12b: "to-mismatch",
}

// fieldES names the compared fields in Spanish.
var fieldES = map[string]string{
	"resolution_number": "el número de resolución",
	"software_id":       "el identificador del software",
	"valid_from":        "la fecha inicial de vigencia",
	"valid_to":          "la fecha final de vigencia",
	"prefix":            "el prefijo",
	"from":              "el número inicial",
	"to":                "el número final",
}

// fromMismatch converts a prefix mismatch; ok is false for the checks of
// cbc:ID (id-prefix, number-in-range, issue-date), which the invoice
// command reports through validate, in check's vocabulary.
func fromMismatch(m prefix.Mismatch, l lang) (finding, bool) {
	code, ok := mismatchCodes[m.Rule]
	if !ok {
		return finding{}, false
	}
	f := finding{Code: code, Rule: string(m.Rule), Field: m.Field, Resolution: m.Resolution, Found: m.Found, Message: m.Message}
	if l == spanish {
		other := "la DIAN"
		if m.Source == prefix.SourceInvoice {
			other = "la factura"
		}
		switch {
		case m.Rule == prefix.RuleFAD05e && m.Source == prefix.SourceInvoice:
			f.Message = fmt.Sprintf("el InvoiceControl de la factura no corresponde a ningún rango de la resolución (resolución/prefijo %s)", m.Resolution)
		case m.Rule == prefix.RuleFAD05e:
			f.Message = fmt.Sprintf("la DIAN no tiene un rango asociado para la resolución y prefijo %s", m.Resolution)
		case m.Rule == prefix.RuleFAB05c:
			f.Message = fmt.Sprintf("la factura se expidió con el software %q; el rango está asociado al %q", m.Found, m.Resolution)
		default:
			f.Message = fmt.Sprintf("%s es %q según %s y %q según el formato 1876", fieldES[m.Field], m.Found, other, m.Resolution)
		}
	}
	return f, true
}

// progress draws "[#####     ] 3/10" on a terminal stderr. A nil
// *progress does nothing.
type progress struct {
	w        io.Writer
	total, n int
	drawn    bool
}

// newProgress returns a progress bar when it may be drawn: stderr is a
// terminal, TERM is not dumb, and --quiet is not given.
func newProgress(e *env, total int, quiet bool) *progress {
	if quiet || !e.stderrTTY || e.getenv("TERM") == "dumb" || total < 2 {
		return nil
	}
	return &progress{w: e.stderr, total: total}
}

func (p *progress) step() {
	if p == nil {
		return
	}
	p.n++
	const width = 30
	bar := p.n * width / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d", strings.Repeat("#", bar), strings.Repeat(" ", width-bar), p.n, p.total)
	p.drawn = true
}

// clear erases the bar, so that a line written next starts clean.
func (p *progress) clear() {
	if p != nil && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
