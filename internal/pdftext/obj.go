package pdftext

import (
	"context"
	"errors"
	"fmt"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// objID identifies an indirect object (number and generation). Identity
// is what makes cycle detection and the font and form caches possible.
type objID = pdfrepair.ObjID

// idOf returns the indirect object v was read from: v itself when v was
// reached through a reference, else the object that contains it.
func idOf(v pdfrepair.Value) (objID, bool) { return v.ID() }

// indirect reports the object id of child when it is an indirect object of
// its own, that is when it was not written inline inside parent.
func indirect(parent, child pdfrepair.Value) (objID, bool) {
	c, ok := idOf(child)
	if !ok {
		return objID{}, false
	}
	if p, ok := idOf(parent); ok && p == c {
		return objID{}, false
	}
	return c, true
}

// key is v.Key(k). A reference that hits a limit (or a password error)
// reads as null and sets d.err.
func (d *Document) key(v pdfrepair.Value, k string) pdfrepair.Value {
	out := v.Key(k)
	d.noteErr()
	return out
}

// index is v.Index(i), with errors as in key.
func (d *Document) index(v pdfrepair.Value, i int) pdfrepair.Value {
	out := v.Index(i)
	d.noteErr()
	return out
}

// noteErr copies the reader's first resolve error into d.err.
func (d *Document) noteErr() {
	if d.err == nil && d.r != nil {
		if err := d.r.Err(); err != nil {
			d.err = mapRepairErr(err)
		}
	}
}

// num reads a number, integer or real.
func num(v pdfrepair.Value) (float64, bool) {
	switch v.Kind() {
	case pdfrepair.Integer, pdfrepair.Real:
		return v.Float64(), true
	}
	return 0, false
}

// rect reads a four-number array, normalised so x0 <= x1 and y0 <= y1.
func (d *Document) rect(v pdfrepair.Value) ([4]float64, bool) {
	var r [4]float64
	if v.Kind() != pdfrepair.Array || v.Len() != 4 {
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
	v         pdfrepair.Value
	resources pdfrepair.Value
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
	if top.Kind() != pdfrepair.Dict {
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

func (w *pageWalker) walk(node pdfrepair.Value, inh pageInfo, depth int) error {
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
			return fmt.Errorf("pdftext: %w: page tree cycle at object %d", ErrMalformed, id.Num)
		}
		w.onPath[id] = true
		defer delete(w.onPath, id)
	}
	if r := d.key(node, "Resources"); r.Kind() == pdfrepair.Dict {
		inh.resources = r
	}
	if r, ok := d.rect(d.key(node, "MediaBox")); ok {
		inh.media = r
	}
	if r, ok := d.rect(d.key(node, "CropBox")); ok {
		inh.crop, inh.hasCrop = r, true
	}
	if r := d.key(node, "Rotate"); r.Kind() == pdfrepair.Integer {
		inh.rotate = int(((r.Int64() % 360) + 360) % 360)
	}
	if d.err != nil {
		return d.err
	}
	kids := d.key(node, "Kids")
	if kids.Kind() != pdfrepair.Array || d.key(node, "Type").Name() == "Page" {
		if node.Kind() != pdfrepair.Dict {
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
		if kid.Kind() != pdfrepair.Dict {
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
func (d *Document) readStream(ctx context.Context, v pdfrepair.Value, dst []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return dst, err
	}
	if v.Kind() != pdfrepair.Stream {
		return dst, nil
	}
	limit, lname, lvalue := d.lim.MaxStreamBytes, "MaxStreamBytes", d.lim.MaxStreamBytes
	if left := d.lim.MaxTotalBytes - d.totalBytes; left < limit {
		limit, lname, lvalue = max(left, 0), "MaxTotalBytes", d.lim.MaxTotalBytes
	}
	start := len(dst)
	dst, err := v.Decode(dst, limit)
	d.totalBytes += int64(len(dst) - start)
	var le *pdfrepair.LimitError
	switch {
	case err == nil:
		return dst, nil
	case errors.As(err, &le) && le.Name == "max":
		return dst, &LimitError{Name: lname, Value: lvalue}
	default:
		return dst, mapRepairErr(err)
	}
}
