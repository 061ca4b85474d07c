package prefix

import (
	"fmt"
	"strings"

	"github.com/dianres/dianres/resolution"
)

// An Association is the result of [Associate]: whether DIAN holds each range
// of a formato 1876 as associated with the software, and how they differ.
type Association struct {
	// Associated is true when every checked row of the resolution has a
	// DIAN range with the same resolution number and prefix (no FAD05e).
	// Field mismatches (FAB07b…FAB12b) may remain: see Findings.
	Associated bool `json:"associated"`
	// TechnicalKey is the "clave técnica" of the first matched row's DIAN
	// range; providers need it to compute the CUFE. "" when none matched.
	TechnicalKey string `json:"technical_key"`
	// Findings lists every mismatch, row by row; empty (never nil) when the
	// association is exact.
	Findings []Mismatch `json:"findings"`
	// Matched holds, per resolution row in order, the DIAN range it was
	// looked up to, or nil. With several rows each has its own key.
	Matched []*NumberingRange `json:"-"`
}

// checked reports whether a row authorizes numbers at all: an
// "INHABILITACIÓN" disables its range, so nothing should be associated
// with it and nothing may be numbered in it.
func checked(r resolution.Range) bool { return r.Request != resolution.RequestDisablement }

// Associate checks a resolution (read from its PDF) against DIAN's
// GetNumberingRange answer. Each row is looked up as DIAN does, by
// (resolution number, prefix); a found range is compared field by field
// (FAB07b, FAB08b, FAB11b, FAB12b). When nothing matches on both, the row
// gets FAD05e and, when one exists, the closest candidate explains why:
// same number with another prefix (FAB10b) or same prefix under another
// number (FAB05b), with its other differing fields. Disablement rows are
// skipped. DIAN ranges of other resolutions are ignored.
func Associate(res *resolution.Resolution, ranges []NumberingRange) *Association {
	a := &Association{Associated: true, Findings: []Mismatch{}}
	cands := make([]facts, len(ranges))
	for i, nr := range ranges {
		cands[i] = dianFacts(nr)
	}
	rows := 0
	for _, row := range res.Ranges {
		if !checked(row) {
			a.Matched = append(a.Matched, nil)
			continue
		}
		rows++
		want := rowFacts(res.Number, row)
		i, exact := closest(want, cands)
		if !exact {
			a.Associated = false
			a.Findings = append(a.Findings, notFound(want, SourceDIAN,
				fmt.Sprintf("DIAN has no range associated for resolution %s with prefix %q", want.number, want.prefix)))
		}
		if i < 0 {
			a.Matched = append(a.Matched, nil)
			continue
		}
		a.Findings = append(a.Findings, compare(want, cands[i], SourceDIAN, "DIAN's range")...)
		if exact {
			m := ranges[i]
			a.Matched = append(a.Matched, &m)
			if a.TechnicalKey == "" {
				a.TechnicalKey = m.TechnicalKey
			}
		} else {
			a.Matched = append(a.Matched, nil)
		}
	}
	if rows == 0 {
		a.Associated = false
		a.Findings = append(a.Findings, Mismatch{Rule: RuleFAD05e, Field: "range", Resolution: res.Number + "/",
			Message: fmt.Sprintf("resolution %s has no range that authorizes numbers", res.Number)})
	}
	return a
}

// InvoiceOptions tune [CheckInvoice]. A nil *InvoiceOptions checks no
// software ID.
type InvoiceOptions struct {
	// SoftwareID is the software the range is associated with; when set,
	// sts:SoftwareID must equal it ([DIAN] FAB05c).
	SoftwareID string
}

// An InvoiceReport is the result of [CheckInvoice].
type InvoiceReport struct {
	ID       string     `json:"id"`       // cbc:ID
	Findings []Mismatch `json:"findings"` // empty (never nil) when the invoice agrees with the resolution
}

// CheckInvoice checks an invoice against the resolution it should be
// numbered under. Its sts:InvoiceControl is looked up among the
// resolution's rows as [Associate] looks rows up in DIAN's answer, with the
// same rule codes (Found is the invoice's value); then FAB05c when
// opts.SoftwareID is set; then cbc:ID must be an authorized prefix followed
// by digits (id-prefix), the number must lie in the range
// (number-in-range), and the Colombian issue day ([Invoice.IssueDay]) must
// lie within validity (issue-date). A document without InvoiceControl (a
// credit or debit note) gets only the cbc:ID checks, against the row whose
// prefix cbc:ID starts with.
func CheckInvoice(res *resolution.Resolution, inv *Invoice, opts *InvoiceOptions) *InvoiceReport {
	rep := &InvoiceReport{ID: inv.ID, Findings: []Mismatch{}}
	add := func(m ...Mismatch) { rep.Findings = append(rep.Findings, m...) }

	var rows []resolution.Range
	var cands []facts
	for _, r := range res.Ranges {
		if checked(r) {
			rows = append(rows, r)
			cands = append(cands, rowFacts(res.Number, r))
		}
	}

	row := -1 // the resolution row the numbering checks use
	if c := inv.Control; c != nil {
		got := controlFacts(c)
		i, exact := closest(got, cands)
		if !exact {
			add(notFound(got, SourceInvoice, fmt.Sprintf(
				"resolution %s has no range with prefix %q that the invoice's InvoiceControl could refer to", res.Number, got.prefix)))
		}
		if i >= 0 {
			add(compare(cands[i], got, SourceInvoice, "the invoice's InvoiceControl")...)
			row = i
		}
	}
	if opts != nil && opts.SoftwareID != "" && inv.SoftwareID != opts.SoftwareID {
		// [DIAN] FAB05c: the software must be the one the range is associated with.
		add(Mismatch{Rule: RuleFAB05c, Field: "software_id", Resolution: opts.SoftwareID, Found: inv.SoftwareID,
			Source: SourceInvoice, Message: fmt.Sprintf("the invoice was issued by software %q; the range is associated with %q", inv.SoftwareID, opts.SoftwareID)})
	}

	if row < 0 {
		row = rowForID(rows, inv.ID)
	}
	if row < 0 {
		prefixes := make([]string, len(rows))
		for i, r := range rows {
			prefixes[i] = r.Prefix
		}
		add(Mismatch{Rule: RuleIDPrefix, Field: "id", Resolution: strings.Join(prefixes, ","), Found: inv.ID, Source: SourceInvoice,
			Message: fmt.Sprintf("invoice number %q is not one of the resolution's prefixes followed by digits", inv.ID)})
		return rep
	}
	r := rows[row]
	n, ok := splitID(inv.ID, r.Prefix)
	if !ok {
		add(Mismatch{Rule: RuleIDPrefix, Field: "id", Resolution: r.Prefix, Found: inv.ID, Source: SourceInvoice,
			Message: fmt.Sprintf("invoice number %q is not prefix %q followed by digits", inv.ID, r.Prefix)})
		return rep
	}
	if !r.Contains(n) {
		add(Mismatch{Rule: RuleNumberInRange, Field: "number", Resolution: joinRange(r.From, r.To), Found: itoa(n), Source: SourceInvoice,
			Message: fmt.Sprintf("consecutive %d lies outside the authorized range %d-%d", n, r.From, r.To)})
	}
	if day := inv.IssueDay(); !r.ValidOn(day) {
		add(Mismatch{Rule: RuleIssueDate, Field: "issue_date", Resolution: r.ValidFrom.String() + "/" + r.ValidTo.String(), Found: day.String(),
			Source: SourceInvoice, Message: fmt.Sprintf("issued on %s (Colombian date), outside validity %s to %s", day, r.ValidFrom, r.ValidTo)})
	}
	return rep
}

// rowForID picks the row whose prefix id starts with, followed by digits
// only: first one whose range holds the number, else the longest prefix
// (so "FE1" wins over "FE" for "FE1001" when neither range holds it).
func rowForID(rows []resolution.Range, id string) int {
	best := -1
	for i, r := range rows {
		n, ok := splitID(id, r.Prefix)
		if !ok {
			continue
		}
		if r.Contains(n) {
			return i
		}
		if best < 0 || len(r.Prefix) > len(rows[best].Prefix) {
			best = i
		}
	}
	return best
}

// splitID returns the consecutive of id under prefix p: DIAN writes the
// number as prefix and consecutive concatenated (docs/form-1876.md §4).
func splitID(id, p string) (int64, bool) {
	rest, ok := strings.CutPrefix(id, p)
	if !ok {
		return 0, false
	}
	n, err := parseNumber(rest)
	return n, err == nil
}
