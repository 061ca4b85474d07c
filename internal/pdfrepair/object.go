package pdfrepair

import (
	"bytes"
	"math"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// maxDepthCap bounds Limits.MaxDepth: the parser recurses once per level, and
// a caller's huge MaxDepth must not turn a file of '[' into a stack overflow.
const maxDepthCap = 10000

// parser reads objects. Its recursion is bounded by maxDepth; it never
// panics and never allocates more than the input it has consumed.
type parser struct {
	lexer
	maxDepth int
	// stack holds the elements of the arrays and the values of the
	// dictionaries being parsed, innermost last, and keys the keys of
	// those dictionaries, so each container is allocated once at its
	// final size.
	stack []any
	keys  []name
	// slab is where short arrays get their elements: one allocation per
	// array was a seventh of what reading a document allocated. Chunks
	// double from slabMin to slabMax, so a little input never costs a
	// big chunk.
	slab     []any
	slabNext int
	// length resolves an indirect /Length of a stream; nil or a false
	// result makes the parser search for "endstream" instead.
	length func(ref) (int64, bool)
}

func newParser(data []byte, pos int, maxDepth int) *parser {
	p := &parser{}
	p.reset(data, pos, maxDepth)
	return p
}

// reset readies p to parse data from pos, keeping the capacity of its
// scratch and stacks.
func (p *parser) reset(data []byte, pos int, maxDepth int) {
	if maxDepth > maxDepthCap {
		maxDepth = maxDepthCap
	}
	if pos < 0 || pos > len(data) {
		// An offset read from the file that points outside it: the parser
		// starts at the end and finds nothing (fuzz crasher c05fa235927c9665).
		pos = len(data)
	}
	*p = parser{
		lexer:    lexer{Lexer: pdfsyntax.Lexer{Buf: data, Pos: pos, Scratch: p.Scratch[:0]}},
		maxDepth: maxDepth,
		stack:    p.stack[:0],
		keys:     p.keys[:0],
		slab:     p.slab,
		slabNext: p.slabNext,
	}
}

// stopKeyword reports whether kw ends any open container: the object is
// damaged and these belong to the next structure.
func stopKeyword(kw keyword) bool {
	switch kw {
	case "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref":
		return true
	}
	return false
}

func (p *parser) depthError() error {
	return errorAt(int64(p.Pos), &LimitError{Name: "MaxDepth", Value: int64(p.maxDepth)}, "nesting too deep")
}

// object parses one direct object.
func (p *parser) object(depth int) (any, error) {
	return p.value(p.token(), depth)
}

func (p *parser) value(tok any, depth int) (any, error) {
	switch t := tok.(type) {
	case int64:
		if t >= 0 && t <= math.MaxInt32 {
			if g, ok := p.refTail(); ok {
				return ref{int(t), g}, nil
			}
		}
		return tok, nil // already boxed: boxing t again would allocate
	case delim:
		switch t {
		case '[':
			if depth >= p.maxDepth {
				return nil, p.depthError()
			}
			return p.array(depth + 1)
		case '<':
			if depth >= p.maxDepth {
				return nil, p.depthError()
			}
			return p.dict(depth + 1)
		}
		return nil, errorAt(int64(p.Pos-1), ErrMalformed, "unexpected %q", byte(t))
	case keyword:
		return nil, errorAt(int64(p.Pos), ErrMalformed, "unexpected keyword %q", truncate(string(t)))
	case eofToken:
		return nil, errorAt(int64(p.Pos), ErrMalformed, "unexpected end of data")
	}
	return tok, nil
}

// refTail reads "gen R" after an integer, as token would see them, and
// leaves p.Pos where it was when they are not there. It peeks with the
// lexer's spans: most integers are not references (a /W array is all
// numbers), and boxing two look-ahead tokens for each cost allocations.
func (p *parser) refTail() (gen int, ok bool) {
	save := p.Pos
	if w, ok := p.peekRegular(); ok {
		if c := w[0]; c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
			// "R" first: in an array of numbers it is never there, and
			// then w need not be parsed.
			if r, ok := p.peekRegular(); ok && string(r) == "R" {
				if g, _, isInt, ok := number(w); ok && isInt && g >= 0 && g <= math.MaxInt32 {
					return int(g), true
				}
			}
		}
	}
	p.Pos = save
	return 0, false
}

// peekRegular lexes the next token, skipping a stray ')' as token does,
// and returns its bytes if it is a run of regular characters.
func (p *parser) peekRegular() ([]byte, bool) {
	for {
		k, off, end := p.nextSpan()
		switch {
		case k == pdfsyntax.Regular:
			return p.Buf[off:end], true
		case k == pdfsyntax.Delim && p.Buf[off] == ')':
			continue
		}
		return nil, false
	}
}

func truncate(s string) string {
	if len(s) > 32 {
		return s[:32] + "..."
	}
	return s
}

func (p *parser) array(depth int) (array, error) {
	base := len(p.stack)
	// done copies the elements off the stack into an array of their own.
	done := func() array {
		a := p.elems(len(p.stack) - base)
		copy(a, p.stack[base:])
		p.pop(base, len(p.keys))
		return a
	}
	for {
		save := p.Pos
		tok := p.token()
		switch t := tok.(type) {
		case eofToken:
			return done(), nil
		case delim:
			switch t {
			case ']':
				return done(), nil
			case '>':
				p.Pos = save
				return done(), nil
			case '{', '}':
				continue
			}
		case keyword:
			if stopKeyword(t) {
				p.Pos = save
				return done(), nil
			}
			continue // junk such as a stray "R": skip it, as viewers do
		}
		v, err := p.value(tok, depth)
		if err != nil {
			p.pop(base, len(p.keys))
			return nil, err
		}
		p.stack = append(p.stack, v)
	}
}

const (
	slabMin = 16
	slabMax = 512
	// slabbed is the longest array carved from the slab; longer ones
	// (a font's /W, a page tree's /Kids) are allocated on their own.
	slabbed = 32
)

// elems returns room for the n elements of an array.
func (p *parser) elems(n int) array {
	if n == 0 || n > slabbed {
		return make(array, n)
	}
	if len(p.slab) < n {
		p.slabNext = min(max(2*p.slabNext, slabMin), slabMax)
		p.slab = make([]any, max(p.slabNext, n))
	}
	a := array(p.slab[:n:n])
	p.slab = p.slab[n:]
	return a
}

func (p *parser) dict(depth int) (dict, error) {
	base, kbase := len(p.stack), len(p.keys)
	// done builds the dictionary at its final size from the entries on
	// the stacks, in order, so a repeated key keeps its last value.
	done := func() dict {
		d := make(dict, len(p.keys)-kbase)
		for i, k := range p.keys[kbase:] {
			d[k] = p.stack[base+i]
		}
		p.pop(base, kbase)
		return d
	}
	for {
		save := p.Pos
		tok := p.token()
		switch t := tok.(type) {
		case eofToken:
			return done(), nil
		case delim:
			if t == '>' {
				return done(), nil
			}
			if t == ']' {
				continue
			}
		case keyword:
			if stopKeyword(t) {
				p.Pos = save
				return done(), nil
			}
			continue
		}
		key, ok := tok.(name)
		if !ok {
			// A value where a key should be: skip it, containers included.
			if _, err := p.value(tok, depth); err != nil {
				p.pop(base, kbase)
				return nil, err
			}
			continue
		}
		save = p.Pos
		vt := p.token()
		if dl, ok := vt.(delim); ok && dl == '>' {
			return done(), nil // a key without a value: drop it
		}
		if kw, ok := vt.(keyword); ok && stopKeyword(kw) {
			p.Pos = save
			return done(), nil
		}
		v, err := p.value(vt, depth)
		if err != nil {
			p.pop(base, kbase)
			return nil, err
		}
		if v != nil { // a null value is the same as no entry
			p.keys = append(p.keys, key)
			p.stack = append(p.stack, v)
		}
	}
}

// pop drops the stack entries above base and the keys above kbase,
// clearing them so that the stacks hold no parsed objects alive.
func (p *parser) pop(base, kbase int) {
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	clear(p.keys[kbase:])
	p.keys = p.keys[:kbase]
}

// header reads "num gen obj" at p.Pos.
func (p *parser) header() (num, gen int, ok bool) {
	n, ok1 := p.token().(int64)
	g, ok2 := p.token().(int64)
	kw, ok3 := p.token().(keyword)
	// Object 0 is always free: the head of the free list, never an object.
	if !ok1 || !ok2 || !ok3 || kw != "obj" || n < 1 || g < 0 || n > math.MaxInt32 || g > math.MaxInt32 {
		return 0, 0, false
	}
	return int(n), int(g), true
}

// indirect parses "num gen obj ... [stream ... endstream] [endobj]" at p.Pos.
// withStream false skips the stream body, for Check, which never needs it.
func (p *parser) indirect(withStream bool) (num, gen int, obj any, err error) {
	start := p.Pos
	num, gen, ok := p.header()
	if !ok {
		return 0, 0, nil, errorAt(int64(start), ErrMalformed, "no \"N G obj\" header")
	}
	obj, err = p.object(0)
	if err != nil {
		return num, gen, nil, withObject(err, num)
	}
	d, ok := obj.(dict)
	if !ok || !withStream {
		return num, gen, obj, nil
	}
	save := p.Pos
	p.skipSpace()
	if !bytes.HasPrefix(p.Buf[p.Pos:], []byte("stream")) {
		p.Pos = save
		return num, gen, obj, nil
	}
	p.Pos += len("stream")
	return num, gen, p.streamBody(d), nil
}

func withObject(err error, num int) error {
	if e, ok := err.(*Error); ok && e.Object == 0 {
		e.Object = num
	}
	return err
}

var (
	kwEndstream = []byte("endstream")
	kwEndobj    = []byte("endobj")
)

// streamBody reads the data after the "stream" keyword. A /Length that does
// not land on "endstream" is ignored and the data runs to the next
// "endstream" (or "endobj"), as poppler and MuPDF do.
func (p *parser) streamBody(hdr dict) *stream {
	for p.Pos < len(p.Buf) && (p.Buf[p.Pos] == ' ' || p.Buf[p.Pos] == '\t') {
		p.Pos++
	}
	if p.Pos < len(p.Buf) && p.Buf[p.Pos] == '\r' {
		p.Pos++
	}
	if p.Pos < len(p.Buf) && p.Buf[p.Pos] == '\n' {
		p.Pos++
	}
	start := p.Pos
	n, ok := int64(-1), false
	switch l := hdr["Length"].(type) {
	case int64:
		n, ok = l, true
	case ref:
		if p.length != nil {
			n, ok = p.length(l)
		}
	}
	if ok && n >= 0 && n <= int64(len(p.Buf)-start) {
		end := start + int(n)
		q := end
		for q < len(p.Buf) && pdfsyntax.IsSpace(p.Buf[q]) {
			q++
		}
		if bytes.HasPrefix(p.Buf[q:], kwEndstream) {
			p.Pos = q + len(kwEndstream)
			return &stream{hdr: hdr, raw: p.Buf[start:end:end], off: int64(start)}
		}
	}
	rest := p.Buf[start:]
	end := bytes.Index(rest, kwEndstream)
	next := end + len(kwEndstream)
	search := rest // where an "endobj" would mean "endstream" is missing
	if end >= 0 {
		search = rest[:end]
	}
	if e := bytes.Index(search, kwEndobj); e >= 0 {
		end, next = e, e
	}
	if end < 0 {
		end, next = len(rest), len(rest)
	}
	p.Pos = start + next
	end += start
	if end > start && p.Buf[end-1] == '\n' {
		end--
	}
	if end > start && p.Buf[end-1] == '\r' {
		end--
	}
	return &stream{hdr: hdr, raw: p.Buf[start:end:end], off: int64(start)}
}
