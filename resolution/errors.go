package resolution

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error Parse returns, except a cancelled context
// and I/O errors, is a *ParseError whose Err is one of these. Sentinels
// are never modified and may be compared from any goroutine.
var (
	ErrMalformedPDF = errors.New("malformed PDF")                                             // the file is not a PDF the reader can walk
	ErrEncrypted    = errors.New("encrypted PDF: password needed")                            // a user password the caller did not give
	ErrNoText       = errors.New("no usable text (a scan, or fonts with no Unicode mapping)") // pages with no extractable text
	ErrNotForm1876  = errors.New("not a formato 1876")                                        // text, but not a numbering authorization
	ErrIncomplete   = errors.New("required fields not found")                                 // a 1876 missing fields; see ParseError.Missing
	ErrBadValue     = errors.New("unreadable value")                                          // a field found but not readable
	ErrLimit        = errors.New("input exceeds a limit")                                     // see ParseError.Limit

	// ErrNotPDF: the input is not a PDF at all (empty, or no "%PDF-"
	// header in its first KiB: a README, an image, an XML). It also
	// matches ErrMalformedPDF, so callers that test only that keep working.
	ErrNotPDF error = &subError{"not a PDF", ErrMalformedPDF}
	// ErrWrongPassword: Options.Password was given but does not open the
	// PDF. It also matches ErrEncrypted; test ErrWrongPassword first to
	// tell "wrong password" from "password needed".
	ErrWrongPassword error = &subError{"encrypted PDF: wrong password", ErrEncrypted}
)

// A subError is a sentinel that is a special case of another.
type subError struct {
	msg    string
	parent error
}

func (e *subError) Error() string { return e.msg }
func (e *subError) Unwrap() error { return e.parent }

// A ParseError says why a PDF could not be read as a formato 1876, and
// where. Its methods only read it, so one may be shared between goroutines.
type ParseError struct {
	Page    int      // 1-based page; 0 when not tied to a page
	Box     int      // DIAN box ("casilla") number, e.g. 32; 0 when unknown
	Label   string   // the label as printed, e.g. "Desde el número"
	Text    string   // the text found, when it could not be read
	Missing []string // with ErrIncomplete: the JSON names of the fields not found
	Limit   string   // with ErrLimit: the Options field that was exceeded
	Detail  string   // what the lower layer said, e.g. the PDF reader's message
	Err     error    // one of the sentinels
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("resolution: ")
	var where []string
	if e.Page > 0 {
		where = append(where, "page "+strconv.Itoa(e.Page))
	}
	if e.Box > 0 {
		where = append(where, "box "+strconv.Itoa(e.Box))
	}
	if len(where) > 0 || e.Label != "" {
		b.WriteString(strings.Join(where, ", "))
		if e.Label != "" {
			if len(where) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Quote(e.Label))
		}
		b.WriteString(": ")
	}
	if e.Text != "" {
		b.WriteString(strconv.Quote(e.Text))
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if len(e.Missing) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(e.Missing, ", "))
	}
	if e.Limit != "" {
		b.WriteString(": ")
		b.WriteString(e.Limit)
	}
	if d := internalNames.Replace(e.Detail); d != "" {
		b.WriteString(" (")
		b.WriteString(d)
		b.WriteByte(')')
	}
	return b.String()
}

// internalNames strips the internal packages' prefixes from a Detail:
// users of this package never see those names.
var internalNames = strings.NewReplacer("pdftext: ", "", "pdfrepair: ", "", "pdfsyntax: ", "", "form: ", "")

// Unwrap returns the sentinel, for errors.Is.
func (e *ParseError) Unwrap() error { return e.Err }

// Hint returns a sentence a support person can act on.
func (e *ParseError) Hint() string {
	switch {
	case errors.Is(e.Err, ErrWrongPassword):
		return "The password does not open this PDF; check it with the customer (capital letters count)."
	case errors.Is(e.Err, ErrNotPDF):
		return "The file is not a PDF; ask the customer for the formato 1876 as downloaded from DIAN's MUISCA portal."
	case errors.Is(e.Err, ErrEncrypted):
		return "The PDF is protected with a password; ask the customer for it or for an unprotected copy."
	case errors.Is(e.Err, ErrNoText):
		return "The PDF holds no readable text (a scan or a photo, or fonts with no character mapping); download the original from DIAN's MUISCA portal."
	case errors.Is(e.Err, ErrNotForm1876):
		return "This is not a DIAN numbering authorization (formato 1876); check the file the customer sent."
	case errors.Is(e.Err, ErrIncomplete), errors.Is(e.Err, ErrBadValue):
		return "Part of the form could not be read; type the missing fields by hand and report the file."
	case errors.Is(e.Err, ErrLimit):
		return fmt.Sprintf("The file exceeds the limit %s; raise it in Options if the file is trusted.", e.Limit)
	}
	return "The PDF is damaged; ask for a fresh download from DIAN's MUISCA portal."
}
