package resolution

import (
	"fmt"
	"strings"

	"github.com/dianres/dianres/internal/form"
	"github.com/dianres/dianres/internal/vocab"
)

func (r *Resolution) warn(code WarningCode, page, box int, msg string) {
	r.Warnings = append(r.Warnings, Warning{Code: code, Page: page, Box: box, Message: msg})
}

// check records what was read but fails a rule, as warnings.
func (r *Resolution) check(f *form.Fields) {
	if r.Number != "" && !LooksLikeFormNumber(r.Number) {
		r.warn(WarnFormNumber, f.Number.Page, 4, fmt.Sprintf("form number %q should be 11 to 14 digits starting with 1876", r.Number))
	}
	if r.NIT != "" && r.DV != "" {
		if want := CheckDigit(r.NIT); want != r.DV {
			r.warn(WarnCheckDigit, f.DV.Page, 6, fmt.Sprintf("DV %s does not match NIT %s (DIAN modulo 11 gives %s)", r.DV, r.NIT, want))
		}
	}
	for i, rg := range r.Ranges {
		row := f.Rows[i]
		if err := CheckPrefix(rg.Prefix); err != nil {
			r.warn(WarnPrefix, row.Page, 31, fmt.Sprintf("row %d: prefix %q: %v", i+1, rg.Prefix, err))
		} else if n := len(rg.Prefix); n > 0 && rg.Prefix[n-1] >= '0' && rg.Prefix[n-1] <= '9' {
			// docs/form-1876.md §4: DIAN concatenates prefix and number, so "FE2"+"1" reads as "FE21".
			r.warn(WarnPrefix, row.Page, 31, fmt.Sprintf("row %d: prefix %q ends in a digit; %s%d is ambiguous once prefix and number are joined", i+1, rg.Prefix, rg.Prefix, rg.From))
		}
		if rg.Months != 0 && (rg.Months < 1 || rg.Months > 24) {
			r.warn(WarnMonths, row.Page, 38, fmt.Sprintf("row %d: validity of %d months; DIAN grants at most 24", i+1, rg.Months))
		}
		if code := strings.TrimSpace(row.KindCode.Text); code != "" {
			if want, ok := knownKindCodes[rg.Kind]; ok && code != want {
				r.warn(WarnKindCode, row.Page, 30, fmt.Sprintf("row %d: modality %q printed with code %s; DIAN's code is %s", i+1, row.Kind.Text, code, want))
			}
		}
		if row.ValidFrom.Text != "" && !rg.ValidFrom.IsZero() {
			if d, err := ParseDate(row.ValidFrom.Text); err == nil && d != rg.ValidFrom {
				r.warn(WarnInconsistent, row.Page, 0, fmt.Sprintf("row %d: printed start date %s differs from the reception stamp's %s; the stamp's date is used", i+1, d, rg.ValidFrom))
			}
		}
		if row.ValidTo.Text != "" && rg.Months > 0 && !rg.ValidFrom.IsZero() {
			if computed := rg.ValidFrom.AddMonths(rg.Months); computed != rg.ValidTo {
				r.warn(WarnValidTo, row.Page, 0, fmt.Sprintf("row %d: printed end date %s differs from %s plus %d months (%s); the printed date is used", i+1, rg.ValidTo, rg.ValidFrom, rg.Months, computed))
			}
		}
	}
}

// knownKindCodes are the modality codes seen on real forms (docs/form-1876.md §2
// [seen]); the others are not known, so they are not checked.
var knownKindCodes = map[Kind]string{
	KindElectronicInvoice: "1",
	KindSupportDocument:   "6",
}

// LooksLikeFormNumber reports whether s is shaped like a formato 1876
// number: 11 to 14 digits starting with "1876" (docs/form-1876.md §2: 14 digits
// [seen], 11 in DIAN's test set [DIAN]).
func LooksLikeFormNumber(s string) bool {
	_, ok := vocab.FormNumber(s)
	return ok && len(s) <= 14
}

// CheckDigit returns the DIAN check digit ("DV") of a NIT: modulo 11 with
// DIAN's prime weights 3, 7, 13, 17, … applied from the rightmost digit.
// It returns "" when nit is not 1 to 15 digits.
func CheckDigit(nit string) string { return vocab.CheckDigit(nit) }

// CheckPrefix reports why p is not a well-formed prefix, zero to four
// ASCII letters and digits (docs/form-1876.md §4 [DIAN]), or returns nil. The
// error says what is wrong, not which prefix: callers name it.
func CheckPrefix(p string) error {
	for i, c := range p {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return fmt.Errorf("character %q at %d is not a letter or digit", c, i)
		}
	}
	if n := len(p); n > 4 {
		return fmt.Errorf("%d characters, at most 4", n)
	}
	return nil
}
