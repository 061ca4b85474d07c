package pdfrepair

// maxTreeDepth bounds the page tree walk. A balanced tree this deep would
// hold more pages than any file; a chain this deep is a hostile file.
const maxTreeDepth = 256

// pageTree walks the page tree from the catalog's /Pages, the way
// ledongthuc/pdf navigates it: by /Type, /Kids and /Count. With fix false
// it reports the first problem that would make the reader loop forever
// (a cycle), skip pages (a wrong /Count) or stop (a missing /Type). With
// fix true it repairs the tree in place, as viewers do when they open such
// a file: nodes met twice and kids that are neither pages nor page-tree
// nodes are dropped, /Count is recounted and /Type set. It returns the
// number of pages.
func (d *document) pageTree(fix bool) (int64, error) {
	root, err := d.resolveRef(d.trailer["Root"])
	if err != nil {
		return 0, err
	}
	catalog, ok := root.(dict)
	if !ok {
		return 0, errorAt(-1, ErrMalformed, "/Root is not a dictionary")
	}
	w := treeWalk{d: d, fix: fix, seen: map[int]bool{}}
	top, ok := catalog["Pages"]
	if !ok && !fix {
		return 0, nil // no pages: the reader sees none, which is the truth
	}
	n := int64(-1)
	if ok {
		if n, err = w.node(top, 0); err != nil {
			return 0, err
		}
	}
	if n <= 0 && fix && len(d.pages) > 0 {
		// A tree that lost its pages, in a file whose pages the scan
		// found: hang those under a new root.
		if tree, count := d.synthesizePages(); tree > 0 {
			catalog["Pages"] = ref{tree, 0}
			return count, nil
		}
	}
	if n < 0 {
		if fix {
			delete(catalog, "Pages")
		}
		return 0, errorAt(-1, ErrMalformed, "/Pages is not a page tree")
	}
	return n, nil
}

type treeWalk struct {
	d    *document
	fix  bool
	seen map[int]bool
}

// node returns the number of pages under kid, or -1 if kid is not a page
// or a page-tree node (or was met before) and must be dropped.
func (w *treeWalk) node(kid any, depth int) (int64, error) {
	var n dict
	switch k := kid.(type) {
	case ref:
		if w.d.sec != nil && k.num == w.d.encNum {
			w.seen[k.num] = true // the encryption dictionary is never written
		}
		if w.seen[k.num] {
			if !w.fix {
				return 0, objError(k.num, -1, ErrMalformed, "page tree cycle")
			}
			return -1, nil
		}
		w.seen[k.num] = true
		v, err := w.d.resolve(k.num)
		if err != nil {
			return 0, err
		}
		n, _ = v.(dict)
	case dict:
		n = k // a direct kid: invalid, but it cannot form a cycle
	}
	if n == nil {
		if !w.fix {
			return 0, errorAt(-1, ErrMalformed, "page tree kid is not a dictionary")
		}
		return -1, nil
	}
	typ, _ := n["Type"].(name)
	kids, hasKids := n["Kids"].(array)
	switch {
	case typ == "Pages" || (typ == "" && hasKids):
	case typ == "Page" || typ == "":
		if typ == "" {
			if !w.fix {
				return 0, errorAt(-1, ErrMalformed, "page without /Type")
			}
			n["Type"] = name("Page")
		}
		return 1, nil
	default:
		if !w.fix {
			return 0, errorAt(-1, ErrMalformed, "page tree kid of /Type /%s", typ)
		}
		return -1, nil
	}
	if depth >= maxTreeDepth {
		if !w.fix {
			return 0, errorAt(-1, ErrMalformed, "page tree deeper than %d", maxTreeDepth)
		}
		return -1, nil
	}
	var count int64
	kept := kids[:0:0]
	for _, k := range kids {
		c, err := w.node(k, depth+1)
		if err != nil {
			return 0, err
		}
		if c < 0 {
			continue
		}
		count += c
		kept = append(kept, k)
	}
	if !w.fix {
		if typ == "" {
			return 0, errorAt(-1, ErrMalformed, "page tree node without /Type")
		}
		if got, _ := n["Count"].(int64); got != count {
			return 0, errorAt(-1, ErrMalformed, "page tree /Count %d, but %d pages", got, count)
		}
		return count, nil
	}
	n["Type"] = name("Pages")
	n["Kids"] = kept
	n["Count"] = count
	return count, nil
}
