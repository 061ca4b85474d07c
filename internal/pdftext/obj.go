package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// objID identifies an indirect object (number and generation).
//
// ledongthuc/pdf re-parses an object on every access and does not expose
// object numbers, but each Value remembers (unexported) the indirect object
// it was read from; reflect can read that field without unsafe. Identity is
// what makes cycle detection and the font cache possible.
type objID struct {
	num uint32
	gen uint16
}

// idOf returns the indirect object v was read from: v itself when v was
// reached through a reference, else the object that contains it.
func idOf(v pdf.Value) (objID, bool) {
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() || f.Kind() != reflect.Struct || f.NumField() != 2 {
		return objID{}, false
	}
	id, gen := f.Field(0), f.Field(1)
	if !id.CanUint() || !gen.CanUint() {
		return objID{}, false
	}
	return objID{uint32(id.Uint()), uint16(gen.Uint())}, true
}

// indirect reports the object id of child when it is an indirect object of
// its own, that is when it was not written inline inside parent.
func indirect(parent, child pdf.Value) (objID, bool) {
	c, ok := idOf(child)
	if !ok {
		return objID{}, false
	}
	if p, ok := idOf(parent); ok && p == c {
		return objID{}, false
	}
	return c, true
}

// catch turns a panic inside ledongthuc/pdf into d.err. It must be
// deferred directly by the function making the call.
func (d *Document) catch() {
	if x := recover(); x != nil && d.err == nil {
		d.err = fmt.Errorf("pdftext: %w: %v", ErrMalformed, x)
	}
}

// key is v.Key(k); ledongthuc panics on broken references.
func (d *Document) key(v pdf.Value, k string) pdf.Value {
	defer d.catch()
	return v.Key(k)
}

// index is v.Index(i); ledongthuc panics on broken references.
func (d *Document) index(v pdf.Value, i int) pdf.Value {
	defer d.catch()
	return v.Index(i)
}

// num reads a number, integer or real.
func num(v pdf.Value) (float64, bool) {
	switch v.Kind() {
	case pdf.Integer, pdf.Real:
		return v.Float64(), true
	}
	return 0, false
}

// rect reads a four-number array, normalised so x0 <= x1 and y0 <= y1.
func (d *Document) rect(v pdf.Value) ([4]float64, bool) {
	var r [4]float64
	if v.Kind() != pdf.Array || v.Len() != 4 {
		return r, false
	}
	for i := range r {
		f, ok := num(d.index(v, i))
		if !ok {
			return r, false
		}
		r[i] = f
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	return r, true
}

// pageInfo is a leaf of the page tree with its inherited attributes.
type pageInfo struct {
	v         pdf.Value
	resources pdf.Value
	media     [4]float64
	crop      [4]float64
	hasCrop   bool
	rotate    int
}

// maxTreeNodes bounds the page-tree walk of a DAG that shares subtrees.
const maxTreeNodes = 1 << 16

// walkPages collects the first MaxPages pages in document order.
func (d *Document) walkPages(ctx context.Context) error {
	root := d.key(d.r.Trailer(), "Root")
	top := d.key(root, "Pages")
	if d.err != nil {
		return d.err
	}
	if top.Kind() != pdf.Dict {
		return fmt.Errorf("pdftext: %w: no page tree", ErrMalformed)
	}
	w := pageWalker{d: d, ctx: ctx, onPath: map[objID]bool{}}
	inh := pageInfo{media: [4]float64{0, 0, 612, 792}}
	if err := w.walk(top, inh, 0); err != nil && !errors.Is(err, errEnoughPages) {
		return err
	}
	if d.err != nil {
		return d.err
	}
	if len(d.pages) == 0 {
		return fmt.Errorf("pdftext: %w: no pages", ErrMalformed)
	}
	return nil
}

var errEnoughPages = errors.New("enough pages")

type pageWalker struct {
	d      *Document
	ctx    context.Context
	onPath map[objID]bool
	nodes  int
}

func (w *pageWalker) walk(node pdf.Value, inh pageInfo, depth int) error {
	d := w.d
	if depth > d.lim.MaxDepth {
		return &LimitError{Name: "MaxDepth", Value: int64(d.lim.MaxDepth)}
	}
	if w.nodes++; w.nodes > maxTreeNodes {
		return fmt.Errorf("pdftext: %w: page tree has over %d nodes", ErrMalformed, maxTreeNodes)
	}
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if id, ok := idOf(node); ok {
		if w.onPath[id] {
			return fmt.Errorf("pdftext: %w: page tree cycle at object %d", ErrMalformed, id.num)
		}
		w.onPath[id] = true
		defer delete(w.onPath, id)
	}
	if r := d.key(node, "Resources"); r.Kind() == pdf.Dict {
		inh.resources = r
	}
	if r, ok := d.rect(d.key(node, "MediaBox")); ok {
		inh.media = r
	}
	if r, ok := d.rect(d.key(node, "CropBox")); ok {
		inh.crop, inh.hasCrop = r, true
	}
	if r := d.key(node, "Rotate"); r.Kind() == pdf.Integer {
		inh.rotate = int(((r.Int64() % 360) + 360) % 360)
	}
	if d.err != nil {
		return d.err
	}
	kids := d.key(node, "Kids")
	if kids.Kind() != pdf.Array || d.key(node, "Type").Name() == "Page" {
		if node.Kind() != pdf.Dict {
			return nil
		}
		if len(d.pages) == d.lim.MaxPages {
			d.more = true
			return errEnoughPages
		}
		inh.v = node
		d.pages = append(d.pages, inh)
		return nil
	}
	for i := range kids.Len() {
		kid := d.index(kids, i)
		if d.err != nil {
			return d.err
		}
		if kid.Kind() != pdf.Dict {
			continue
		}
		if err := w.walk(kid, inh, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// readStream appends the decoded bytes of stream v to dst, counting them
// against MaxStreamBytes and MaxTotalBytes.
func (d *Document) readStream(ctx context.Context, v pdf.Value, dst []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return dst, err
	}
	if v.Kind() != pdf.Stream {
		return dst, nil
	}
	limit, lerr := d.lim.MaxStreamBytes, &LimitError{Name: "MaxStreamBytes", Value: d.lim.MaxStreamBytes}
	if left := d.lim.MaxTotalBytes - d.totalBytes; left < limit {
		limit, lerr = left, &LimitError{Name: "MaxTotalBytes", Value: d.lim.MaxTotalBytes}
	}
	// pngUpReader allocates /Columns bytes up front: bound it first.
	if !d.sanePredictor(v) {
		return dst, fmt.Errorf("pdftext: %w: unreasonable /DecodeParms", ErrMalformed)
	}
	rc := d.streamReader(v)
	if d.err != nil {
		return dst, d.err
	}
	start := len(dst)
	for {
		if int64(len(dst)-start) > limit {
			return dst, lerr
		}
		if cap(dst)-len(dst) < 4096 {
			dst = append(dst, make([]byte, 32<<10)...)[:len(dst)]
		}
		n, err := d.read(rc, dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		d.totalBytes += int64(n)
		if d.err != nil {
			return dst, d.err
		}
		if err != nil {
			// A truncated or corrupt Flate tail is common in the wild;
			// keep what decoded.
			if errors.Is(err, io.EOF) || len(dst) > start {
				return dst, nil
			}
			return dst, fmt.Errorf("pdftext: %w: %v", ErrMalformed, err)
		}
		if err := ctx.Err(); err != nil {
			return dst, err
		}
	}
}

func (d *Document) streamReader(v pdf.Value) io.Reader {
	defer d.catch()
	return v.Reader()
}

func (d *Document) read(r io.Reader, p []byte) (n int, err error) {
	defer d.catch()
	return r.Read(p)
}

// sanePredictor bounds /DecodeParms /Columns, which ledongthuc/pdf uses
// as an allocation size.
func (d *Document) sanePredictor(v pdf.Value) bool {
	p := d.key(v, "DecodeParms")
	check := func(p pdf.Value) bool {
		c := d.key(p, "Columns")
		return c.Kind() == pdf.Null || (c.Int64() >= 0 && c.Int64() <= 1<<16)
	}
	switch p.Kind() {
	case pdf.Dict:
		return check(p)
	case pdf.Array:
		for i := range min(p.Len(), 8) {
			if !check(d.index(p, i)) {
				return false
			}
		}
	}
	return true
}
