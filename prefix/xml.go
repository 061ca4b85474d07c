package prefix

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Options bound what the Parse functions read. A nil *Options, or a zero
// field, means the default. The limits exist because the XML comes from
// outside (a customer's file, a proxy's answer): memory stays proportional
// to MaxSize whatever the input holds.
type Options struct {
	MaxSize     int64 // input bytes; default 4 MiB (a GetNumberingRange answer is a few KiB)
	MaxDepth    int   // element nesting; default 64 (UBL invoices nest about 10 deep)
	MaxElements int   // elements in the document; default 100,000
}

// Default limits, used for a nil *Options or a zero field.
const (
	DefaultMaxSize     = 4 << 20
	DefaultMaxDepth    = 64
	DefaultMaxElements = 100_000
)

func (o *Options) limits() Options {
	var l Options
	if o != nil {
		l = *o
	}
	if l.MaxSize <= 0 {
		l.MaxSize = DefaultMaxSize
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxElements <= 0 {
		l.MaxElements = DefaultMaxElements
	}
	return l
}

// errTooLarge marks the size guard's refusal inside encoding/xml's error path.
var errTooLarge = errors.New("size limit")

// sizeGuard reads at most max bytes and fails, rather than truncating, when
// the input holds more: a truncated document could parse as a shorter valid one.
type sizeGuard struct {
	r   io.Reader // an io.LimitReader allowing max+1 bytes
	n   int64
	max int64
	err error // the last error the caller's reader returned, other than io.EOF
}

func (g *sizeGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.n += int64(n)
	if g.n > g.max {
		return 0, errTooLarge
	}
	if err != nil && err != io.EOF {
		g.err = err
	}
	return n, err
}

// walker streams a document's tokens and enforces the limits. It tracks
// the path of local names (namespaces ignored, docs/form-1876.md §6) and the text
// of the innermost element.
type walker struct {
	d     *xml.Decoder
	in    *sizeGuard
	lim   Options
	elems int
	path  []string
	text  strings.Builder
}

func newWalker(r io.Reader, opts *Options) *walker {
	lim := opts.limits()
	in := &sizeGuard{r: io.LimitReader(r, lim.MaxSize+1), max: lim.MaxSize}
	d := xml.NewDecoder(in)
	d.Strict = true
	// No Entity map and no CharsetReader: an undeclared entity is a syntax
	// error, and only UTF-8 is read (DIAN's documents are UTF-8).
	return &walker{d: d, in: in, lim: lim}
}

func (w *walker) line() int {
	l, _ := w.d.InputPos()
	return l
}

// event is one step of the walk.
type event struct {
	start bool   // true at a start tag, false at an end tag
	name  string // local name
	text  string // at an end tag: the element's own trimmed text
	attr  []xml.Attr
}

// next returns the next start or end tag, or io.EOF after the root closes.
func (w *walker) next() (event, error) {
	for {
		tok, err := w.d.Token()
		if err == io.EOF {
			if len(w.path) > 0 {
				return event{}, w.fail("", "", &xml.SyntaxError{Msg: "unexpected EOF", Line: w.line()})
			}
			if w.elems == 0 {
				return event{}, w.fail("", "", &xml.SyntaxError{Msg: "no root element", Line: w.line()})
			}
			return event{}, io.EOF
		}
		if err != nil {
			return event{}, w.fail("", "", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(w.path) == 0 && w.elems > 0 {
				return event{}, w.fail(t.Name.Local, "", &xml.SyntaxError{Msg: "a second root element", Line: w.line()})
			}
			w.elems++
			if w.elems > w.lim.MaxElements {
				return event{}, &ParseError{Line: w.line(), Element: t.Name.Local, Limit: "MaxElements", Err: ErrLimit}
			}
			if len(w.path) >= w.lim.MaxDepth {
				return event{}, &ParseError{Line: w.line(), Element: t.Name.Local, Limit: "MaxDepth", Err: ErrLimit}
			}
			w.path = append(w.path, t.Name.Local)
			w.text.Reset()
			return event{start: true, name: t.Name.Local, attr: t.Attr}, nil
		case xml.EndElement:
			// Token already matched the end tag to its start tag; this guards our own path.
			if len(w.path) == 0 || w.path[len(w.path)-1] != t.Name.Local {
				return event{}, w.fail(t.Name.Local, "", &xml.SyntaxError{Msg: "unexpected end element </" + t.Name.Local + ">", Line: w.line()})
			}
			w.path = w.path[:len(w.path)-1]
			txt := strings.TrimSpace(w.text.String())
			w.text.Reset()
			return event{name: t.Name.Local, text: txt}, nil
		case xml.CharData:
			if len(w.path) == 0 {
				// A UTF-8 byte order mark (Windows editors, .NET writers) arrives as text.
				if strings.TrimSpace(strings.TrimPrefix(string(t), "\ufeff")) != "" {
					return event{}, w.fail("", "", &xml.SyntaxError{Msg: "text outside the root element", Line: w.line()})
				}
				continue
			}
			w.text.Write(t)
		case xml.Directive:
			// <!DOCTYPE ...> may declare entities ("billion laughs", external
			// files). encoding/xml would not expand them, but a DIAN document
			// never has one, so refuse instead of half-reading it.
			return event{}, &ParseError{Line: w.line(), Err: ErrDoctype}
		}
	}
}

// parent returns the local name of the element enclosing the current one
// (the one whose end tag was just returned), or "".
func (w *walker) parent() string {
	if len(w.path) == 0 {
		return ""
	}
	return w.path[len(w.path)-1]
}

// within reports whether an element named name encloses the current position.
func (w *walker) within(name string) bool {
	for _, p := range w.path {
		if p == name {
			return true
		}
	}
	return false
}

func (w *walker) fail(elem, text string, err error) error {
	if errors.Is(err, errTooLarge) {
		return &ParseError{Line: w.line(), Limit: "MaxSize", Err: ErrLimit}
	}
	if w.in.err != nil && errors.Is(err, w.in.err) {
		return err // an I/O error from the caller's reader, as it came
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &ParseError{Line: se.Line, Element: elem, Text: text, Detail: se.Msg, Err: ErrMalformedXML}
	}
	// encoding/xml reports a bad <?xml version or encoding as a plain error.
	return &ParseError{Line: w.line(), Element: elem, Text: text, Detail: err.Error(), Err: ErrMalformedXML}
}
