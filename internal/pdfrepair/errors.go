package pdfrepair

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors. Every error Open, Decode and Rewrite return wraps one of these.
var (
	ErrMalformed = errors.New("malformed PDF")                            // structure that cannot be read or repaired
	ErrPassword  = errors.New("encrypted PDF: wrong or missing password") // the user password does not open the file
	ErrLimit     = errors.New("limit exceeded")                           // see LimitError
	// ErrUnsupported is a valid feature this package does not read: a
	// public-key security handler, an unknown encryption version.
	ErrUnsupported = errors.New("unsupported PDF feature")
)

// A LimitError names the limit that was hit. It wraps ErrLimit.
type LimitError struct {
	Name  string // the Limits field, e.g. "MaxStreamBytes"
	Value int64  // the limit in force
}

// Error says which limit, e.g. "pdfrepair: limit MaxStreamBytes (33554432) exceeded".
func (e *LimitError) Error() string {
	return "pdfrepair: limit " + e.Name + " (" + strconv.FormatInt(e.Value, 10) + ") exceeded"
}

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

// An Error says what went wrong and where. Err is one of the sentinels, or
// a *LimitError.
type Error struct {
	Object int    // object number; 0 when not tied to an object
	Offset int64  // byte offset in the input; -1 when unknown
	Msg    string // what was found, e.g. "startxref not followed by an integer"
	Err    error
}

// Error is one line: "pdfrepair: object 7: offset 1234: what: sentinel".
func (e *Error) Error() string {
	s := "pdfrepair: "
	if e.Object > 0 {
		s += "object " + strconv.Itoa(e.Object) + ": "
	}
	if e.Offset >= 0 {
		s += "offset " + strconv.FormatInt(e.Offset, 10) + ": "
	}
	s += e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the sentinel or *LimitError.
func (e *Error) Unwrap() error { return e.Err }

func errorAt(off int64, sentinel error, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

func objError(num int, off int64, sentinel error, format string, args ...any) *Error {
	return &Error{Object: num, Offset: off, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

// Limits bound the work done on one document. A zero field means its
// default, so Limits{} is ready to use.
type Limits struct {
	MaxObjects     int   `json:"max_objects"`      // objects written to the output; default 1,000,000
	MaxStreamBytes int64 `json:"max_stream_bytes"` // decoded bytes of one stream; default 32 MiB
	MaxTotalBytes  int64 `json:"max_total_bytes"`  // bytes decoded or parsed over the document; default 256 MiB
	MaxDepth       int   `json:"max_depth"`        // nesting of arrays and dictionaries; default 64
}

const (
	defaultMaxObjects     = 1_000_000
	defaultMaxStreamBytes = 32 << 20
	defaultMaxTotalBytes  = 256 << 20
	defaultMaxDepth       = 64
)

// withDefaults returns l with each zero (or negative) field set to its default.
func (l Limits) withDefaults() Limits {
	if l.MaxObjects <= 0 {
		l.MaxObjects = defaultMaxObjects
	}
	if l.MaxStreamBytes <= 0 {
		l.MaxStreamBytes = defaultMaxStreamBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = defaultMaxTotalBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = defaultMaxDepth
	}
	return l
}
