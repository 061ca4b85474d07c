package prefix

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error the Parse functions return, except I/O
// errors from the reader, is a *ParseError whose Err is one of these, or an
// *OperationError (which wraps [ErrOperation]).
var (
	ErrMalformedXML  = errors.New("malformed XML")                               // not well-formed, or not UTF-8
	ErrDoctype       = errors.New("DOCTYPE not allowed")                         // a DTD could declare entities; we never expand them
	ErrNotRanges     = errors.New("not a GetNumberingRange answer")              // well-formed XML of another kind
	ErrNotInvoice    = errors.New("not a UBL invoice, note or support document") // another root element
	ErrMissing       = errors.New("required element missing")                    // see ParseError.Element
	ErrBadValue      = errors.New("unreadable value")                            // an element whose text is not what DIAN writes there
	ErrLimit         = errors.New("input exceeds a limit")                       // see ParseError.Limit
	ErrOperation     = errors.New("DIAN answered with an error code")            // see OperationError
	ErrInvalidPrefix = errors.New("invalid prefix")                              // see PrefixError
)

// A ParseError says why an XML document could not be read, and where.
type ParseError struct {
	Line    int    // 1-based line where reading stopped; 0 when unknown
	Element string // local name of the element, e.g. "FromNumber"; "" when not tied to one
	Text    string // the text found, when it could not be read
	Limit   string // with ErrLimit: the Options field that was exceeded, e.g. "MaxSize"
	Detail  string // what encoding/xml said, for ErrMalformedXML
	Err     error  // one of the sentinels
}

// Error returns one line: prefix: line 7: <FromNumber>: "99O000000": unreadable value.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("prefix: ")
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Element != "" {
		b.WriteString("<")
		b.WriteString(e.Element)
		b.WriteString(">: ")
	}
	if e.Text != "" {
		b.WriteString(strconv.Quote(e.Text))
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Limit != "" {
		b.WriteString(": ")
		b.WriteString(e.Limit)
	}
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteByte(')')
	}
	return b.String()
}

// Unwrap returns the sentinel, for errors.Is.
func (e *ParseError) Unwrap() error { return e.Err }

// An OperationError is a GetNumberingRange answer whose OperationCode is not
// 100 ("Acción completada OK."), or a SOAP fault. DIAN sends no ranges then.
type OperationError struct {
	Code        string `json:"code"`        // OperationCode as sent, e.g. "301"; for a SOAP fault its Code/Value
	Description string `json:"description"` // OperationDescription (or the fault's Reason/Text), verbatim
}

// Error returns one line with DIAN's code and description.
func (e *OperationError) Error() string {
	if e.Description == "" {
		return "prefix: DIAN OperationCode " + strconv.Quote(e.Code)
	}
	return "prefix: DIAN OperationCode " + strconv.Quote(e.Code) + ": " + e.Description
}

// Unwrap returns [ErrOperation], for errors.Is.
func (e *OperationError) Unwrap() error { return ErrOperation }

// A PrefixError is a prefix that breaks docs/form-1876.md §4: more than four
// characters, or characters other than ASCII letters and digits.
type PrefixError struct {
	Prefix string // as given
	Reason string // e.g. "5 characters, at most 4"
}

// Error returns one line: prefix: "FACT-1": invalid prefix: <reason>.
func (e *PrefixError) Error() string {
	return "prefix: " + strconv.Quote(e.Prefix) + ": " + ErrInvalidPrefix.Error() + ": " + e.Reason
}

// Unwrap returns [ErrInvalidPrefix], for errors.Is.
func (e *PrefixError) Unwrap() error { return ErrInvalidPrefix }
