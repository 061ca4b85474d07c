package prefix

import (
	"io"
	"strconv"
	"strings"

	"github.com/dianres/dianres/resolution"
)

// A NumberingRange is one NumberRangeResponse of DIAN's GetNumberingRange
// answer (docs/form-1876.md §6): a range DIAN holds as associated with a software.
type NumberingRange struct {
	ResolutionNumber string          `json:"resolution_number"`        // ResolutionNumber
	ResolutionDate   resolution.Date `json:"resolution_date,omitzero"` // ResolutionDate
	Prefix           string          `json:"prefix"`                   // Prefix; "" is a real, empty prefix
	From             int64           `json:"from"`                     // FromNumber
	To               int64           `json:"to"`                       // ToNumber
	ValidFrom        resolution.Date `json:"valid_from"`               // ValidDateFrom
	ValidTo          resolution.Date `json:"valid_to"`                 // ValidDateTo
	TechnicalKey     string          `json:"technical_key"`            // TechnicalKey, needed for the CUFE
}

// Local names of the GetNumberingRange answer, as DIAN writes them.
const (
	elOperationCode        = "OperationCode"
	elOperationDescription = "OperationDescription"
	elRangeResponse        = "NumberRangeResponse"
	opCodeOK               = "100" // "Acción completada OK."
)

// ParseNumberingRanges reads DIAN's GetNumberingRange answer, bare or in a
// SOAP 1.2 envelope, with any namespace prefixes, and returns its ranges in
// document order. An answer whose OperationCode is not 100, or a SOAP
// fault, returns an *OperationError. A successful answer with no ranges
// returns an empty, non-nil slice: the software has nothing associated.
// A range without ResolutionNumber, FromNumber, ToNumber, ValidDateFrom or
// ValidDateTo is [ErrMissing], and one with From > To or an end before its
// start is [ErrBadValue]: a range that cannot be compared is never dropped
// silently. Unknown elements are ignored, so fields DIAN may add later do
// not break reading.
//
// The reader is read to the end, through an io.LimitReader of
// opts.MaxSize+1 bytes.
func ParseNumberingRanges(r io.Reader, opts *Options) ([]NumberingRange, error) {
	w := newWalker(r, opts)
	var (
		ranges               []NumberingRange
		cur                  *rangeFields
		code, desc           string
		haveCode, haveResult bool
		fault                *OperationError
	)
	for {
		ev, err := w.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if ev.start {
			switch ev.name {
			case elRangeResponse:
				if cur != nil {
					return nil, &ParseError{Line: w.line(), Element: ev.name, Detail: "nested " + elRangeResponse, Err: ErrMalformedXML}
				}
				cur = &rangeFields{line: w.line()}
			case "GetNumberingRangeResult", "GetNumberingRangeResponse":
				haveResult = true
			case "Fault":
				if fault == nil {
					fault = &OperationError{}
				}
			}
			continue
		}
		switch {
		case ev.name == elRangeResponse:
			nr, err := cur.build()
			if err != nil {
				return nil, err
			}
			ranges = append(ranges, nr)
			cur = nil
		case cur != nil:
			if err := cur.set(ev.name, ev.text, w.line()); err != nil {
				return nil, err
			}
		case ev.name == elOperationCode:
			code, haveCode = ev.text, true
		case ev.name == elOperationDescription:
			desc = ev.text
		case fault != nil && ev.name == "Value" && w.parent() == "Code" && fault.Code == "":
			fault.Code = ev.text
		case fault != nil && ev.name == "Text" && w.parent() == "Reason" && fault.Description == "":
			fault.Description = ev.text
		}
	}
	switch {
	case fault != nil:
		return nil, fault
	case !haveResult && !haveCode && len(ranges) == 0:
		return nil, &ParseError{Err: ErrNotRanges}
	case !haveCode:
		return nil, &ParseError{Element: elOperationCode, Err: ErrMissing}
	case code != opCodeOK:
		return nil, &OperationError{Code: code, Description: desc}
	}
	if ranges == nil {
		ranges = []NumberingRange{}
	}
	return ranges, nil
}

// rangeFields collects one NumberRangeResponse before it is checked.
type rangeFields struct {
	nr   NumberingRange
	seen map[string]bool
	line int
}

func (f *rangeFields) set(name, text string, line int) error {
	var err error
	switch name {
	case "ResolutionNumber":
		f.nr.ResolutionNumber = text
	case "ResolutionDate":
		f.nr.ResolutionDate, err = parseDate(text)
	case "Prefix":
		f.nr.Prefix = text
	case "FromNumber":
		f.nr.From, err = parseNumber(text)
	case "ToNumber":
		f.nr.To, err = parseNumber(text)
	case "ValidDateFrom":
		f.nr.ValidFrom, err = parseDate(text)
	case "ValidDateTo":
		f.nr.ValidTo, err = parseDate(text)
	case "TechnicalKey":
		f.nr.TechnicalKey = text
	default:
		return nil // DIAN may add fields; they do not change the range
	}
	if err != nil {
		return &ParseError{Line: line, Element: name, Text: clip(text), Err: ErrBadValue}
	}
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	f.seen[name] = true
	return nil
}

// required are the elements without which a range cannot be compared.
var required = []string{"ResolutionNumber", "FromNumber", "ToNumber", "ValidDateFrom", "ValidDateTo"}

func (f *rangeFields) build() (NumberingRange, error) {
	for _, name := range required {
		if !f.seen[name] {
			return NumberingRange{}, &ParseError{Line: f.line, Element: name, Err: ErrMissing}
		}
	}
	if f.nr.ResolutionNumber == "" {
		return NumberingRange{}, &ParseError{Line: f.line, Element: "ResolutionNumber", Err: ErrMissing}
	}
	if f.nr.From > f.nr.To {
		return NumberingRange{}, &ParseError{Line: f.line, Element: "ToNumber",
			Text: strconv.FormatInt(f.nr.To, 10), Detail: "below FromNumber " + strconv.FormatInt(f.nr.From, 10), Err: ErrBadValue}
	}
	if f.nr.ValidTo.Before(f.nr.ValidFrom) {
		return NumberingRange{}, &ParseError{Line: f.line, Element: "ValidDateTo",
			Text: f.nr.ValidTo.String(), Detail: "before ValidDateFrom " + f.nr.ValidFrom.String(), Err: ErrBadValue}
	}
	return f.nr, nil
}

// parseNumber reads a consecutive: a positive 64-bit integer, digits only
// (docs/form-1876.md §4). Signs and separators are refused, not guessed at.
func parseNumber(s string) (int64, error) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, ErrBadValue
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, ErrBadValue
	}
	return n, nil
}

// parseDate reads "2006-01-02". A dateTime ("2019-01-19T00:00:00", as WCF
// services sometimes serialize dates) keeps its date part.
func parseDate(s string) (resolution.Date, error) {
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	return resolution.ParseDate(s)
}

// clip keeps error messages one line long whatever the input holds.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
