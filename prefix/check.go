package prefix

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/dianres/dianres/resolution"
)

// A Rule names a check. DIAN's validator codes are kept as DIAN writes them
// (docs/form-1876.md §5); checks DIAN has no published code for use kebab names.
type Rule string

// [DIAN] validator rules (docs/form-1876.md §5).
const (
	RuleFAD05e Rule = "FAD05e" // no range for that prefix and resolution number ("Número de factura no existe para el número de autorización")
	RuleFAB05b Rule = "FAB05b" // resolution number equals the associated range's
	RuleFAB05c Rule = "FAB05c" // software ID equals the software the range is associated with
	RuleFAB07b Rule = "FAB07b" // authorization start date equals the range's
	RuleFAB08b Rule = "FAB08b" // authorization end date equals the range's
	RuleFAB10b Rule = "FAB10b" // prefix equals the authorized prefix
	RuleFAB11b Rule = "FAB11b" // range start equals the authorized start
	RuleFAB12b Rule = "FAB12b" // range end equals the authorized end
)

// Checks of an invoice beyond DIAN's coded rules (docs/form-1876.md §5, last paragraph).
const (
	RuleNumberInRange Rule = "number-in-range" // the consecutive lies in [from, to]
	RuleIssueDate     Rule = "issue-date"      // the issue date lies within validity
	RuleIDPrefix      Rule = "id-prefix"       // cbc:ID is the authorized prefix followed by digits only
)

// Source says what a resolution was compared with.
type Source uint8

// Sources of the compared value; each names the JSON key of [Mismatch.Found].
const (
	SourceDIAN    Source = iota // DIAN's GetNumberingRange answer: key "dian"
	SourceInvoice               // the invoice's XML: key "invoice"
)

func (s Source) key() string {
	if s == SourceInvoice {
		return "invoice"
	}
	return "dian"
}

// A Mismatch is one failed check: a field whose value on the formato 1876
// differs from DIAN's answer or from the invoice. For FAD05e, Field is
// "range" and Resolution the lookup key "number/prefix" that found
// nothing; Found is then "".
type Mismatch struct {
	Rule       Rule   // DIAN's code, e.g. RuleFAB11b
	Field      string // JSON name of the field, e.g. "from", "prefix", "valid_to"
	Resolution string // the value on the formato 1876 (or the value it allows, e.g. "990000000-995000000")
	Found      string // the value in DIAN's answer or in the invoice; "" for an empty prefix or nothing found
	Source     Source // where Found comes from; it names Found's JSON key
	Message    string // one English sentence
}

type mismatchJSON struct {
	Rule       Rule    `json:"rule"`
	Field      string  `json:"field"`
	Resolution string  `json:"resolution"`
	DIAN       *string `json:"dian,omitempty"`
	Invoice    *string `json:"invoice,omitempty"`
	Message    string  `json:"message"`
}

// MarshalJSON writes {"rule","field","resolution","dian" or "invoice","message"}:
// the key of Found depends on Source, so the CLI's output says which side
// each value comes from.
func (m Mismatch) MarshalJSON() ([]byte, error) {
	j := mismatchJSON{Rule: m.Rule, Field: m.Field, Resolution: m.Resolution, Message: m.Message}
	found := m.Found
	if m.Source == SourceInvoice {
		j.Invoice = &found
	} else {
		j.DIAN = &found
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Mismatch) UnmarshalJSON(b []byte) error {
	var j mismatchJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*m = Mismatch{Rule: j.Rule, Field: j.Field, Resolution: j.Resolution, Message: j.Message}
	switch {
	case j.Invoice != nil:
		m.Found, m.Source = *j.Invoice, SourceInvoice
	case j.DIAN != nil:
		m.Found = *j.DIAN
	}
	return nil
}

// String returns "FAB11b from: resolution 1, dian 2".
func (m Mismatch) String() string {
	return fmt.Sprintf("%s %s: resolution %q, %s %q", m.Rule, m.Field, m.Resolution, m.Source.key(), m.Found)
}

// facts is what both sides of a comparison say about one range.
type facts struct {
	number, prefix     string
	from, to           int64
	validFrom, validTo resolution.Date
}

func rowFacts(number string, r resolution.Range) facts {
	return facts{number, r.Prefix, r.From, r.To, r.ValidFrom, r.ValidTo}
}

func dianFacts(nr NumberingRange) facts {
	return facts{nr.ResolutionNumber, nr.Prefix, nr.From, nr.To, nr.ValidFrom, nr.ValidTo}
}

func controlFacts(c *InvoiceControl) facts {
	return facts{c.Authorization, c.Prefix, c.From, c.To, c.StartDate, c.EndDate}
}

// closest returns the index in cands of the entry DIAN would look want up
// by, (resolution number, prefix), and exact = true; when none has both it
// returns the closest explanation instead: same number with another prefix
// (a FAB10b story) before same prefix with another number (FAB05b), ties
// broken by how many other fields agree. It returns -1 when no candidate
// shares the number or the prefix: there is nothing to explain with.
func closest(want facts, cands []facts) (i int, exact bool) {
	best, bestScore := -1, -1
	for j, c := range cands {
		score := 0
		switch {
		case c.number == want.number && c.prefix == want.prefix:
			score = 100
		case c.number == want.number:
			score = 50
		case c.prefix == want.prefix:
			score = 20
		default:
			continue
		}
		for _, eq := range []bool{c.from == want.from, c.to == want.to, c.validFrom == want.validFrom, c.validTo == want.validTo} {
			if eq {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = j, score
		}
	}
	return best, bestScore >= 100
}

// compare lists the fields where the resolution (res) and the other side
// (got) differ. The PDF side's zero dates mean "not printed" and are not
// compared: there is nothing to hold DIAN's date against.
func compare(res, got facts, src Source, what string) []Mismatch {
	var ms []Mismatch
	add := func(rule Rule, field, r, g, msg string) {
		ms = append(ms, Mismatch{Rule: rule, Field: field, Resolution: r, Found: g, Source: src, Message: msg})
	}
	if res.number != got.number {
		// [DIAN] FAB05b: the resolution number must equal the range's.
		add(RuleFAB05b, "resolution_number", res.number, got.number,
			fmt.Sprintf("%s quotes resolution %s; the formato 1876 is resolution %s", what, got.number, res.number))
	}
	if res.prefix != got.prefix {
		// [DIAN] FAB10b: the prefix must equal the authorized prefix.
		add(RuleFAB10b, "prefix", res.prefix, got.prefix,
			fmt.Sprintf("%s has prefix %q; the formato 1876 authorizes %q", what, got.prefix, res.prefix))
	}
	if !res.validFrom.IsZero() && res.validFrom != got.validFrom {
		// [DIAN] FAB07b: the authorization start date must equal the range's.
		add(RuleFAB07b, "valid_from", res.validFrom.String(), got.validFrom.String(),
			fmt.Sprintf("%s is valid from %s; the formato 1876 from %s", what, got.validFrom, res.validFrom))
	}
	if !res.validTo.IsZero() && res.validTo != got.validTo {
		// [DIAN] FAB08b: the authorization end date must equal the range's.
		add(RuleFAB08b, "valid_to", res.validTo.String(), got.validTo.String(),
			fmt.Sprintf("%s is valid to %s; the formato 1876 to %s", what, got.validTo, res.validTo))
	}
	if res.from != got.from {
		// [DIAN] FAB11b: the range start must equal the authorized start.
		add(RuleFAB11b, "from", itoa(res.from), itoa(got.from),
			fmt.Sprintf("%s starts at %d; the formato 1876 at %d", what, got.from, res.from))
	}
	if res.to != got.to {
		// [DIAN] FAB12b: the range end must equal the authorized end.
		add(RuleFAB12b, "to", itoa(res.to), itoa(got.to),
			fmt.Sprintf("%s ends at %d; the formato 1876 at %d", what, got.to, res.to))
	}
	return ms
}

// notFound is FAD05e: the lookup by (resolution number, prefix) fails.
// Found is "": there is no such range, whatever the closest one says.
func notFound(want facts, src Source, msg string) Mismatch {
	return Mismatch{Rule: RuleFAD05e, Field: "range", Resolution: key(want.number, want.prefix), Source: src, Message: msg}
}

// key writes the lookup key as "18760000001/SETP".
func key(number, prefix string) string {
	return number + "/" + prefix
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// joinRange writes an authorized range as "990000000-995000000".
func joinRange(from, to int64) string { return itoa(from) + "-" + itoa(to) }
