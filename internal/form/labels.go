package form

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/dianres/dianres/internal/vocab"
)

// labelHit is a place a label phrase may start: ref indexes labelOrder;
// the first token of word, the start-th token of line, is the key.
type labelHit struct{ ref, line, start, word int32 }

// findLabels finds every label on the page, longest phrases first, each
// word in at most one label.
func (pg *page) findLabels() {
	m := pg.mem
	toks := slices.Grow(m.lineToks[:0], len(pg.lines))[:len(pg.lines)]
	refs := slices.Grow(m.refs[:0], len(pg.words)+len(pg.words)/4)
	// Every place a phrase may start: a word whose first token is the
	// phrase's first, or one typo away from a long one.
	type hit = labelHit
	hits := slices.Grow(m.hits[:0], 2*len(pg.words))
	defer func() { m.lineToks, m.refs, m.hits = toks[:0], refs[:0], hits[:0] }() // not cleared: see page.release
	for li := range pg.lines {
		from := len(refs)
		refs = pg.appendLineTokens(refs, li)
		toks[li] = refs[from:len(refs):len(refs)]
		for i, t := range toks[li] {
			if t.tok != 0 {
				continue
			}
			key := pg.words[t.word].toks[0]
			w0 := len(hits)
			if len(key) < minTypoLen { // a long head is matched below, typo or not
				for _, r := range phraseHeads[key] {
					hits = append(hits, hit{int32(r), int32(li), int32(i), int32(t.word)})
				}
			}
			if len(key) < minTypoLen-1 {
				continue // one edit from a long head is at least minTypoLen-1 long
			}
			for _, head := range longHeads {
				if tokenEq(key, head) {
					for _, r := range phraseHeads[head] {
						hits = append(hits, hit{int32(r), int32(li), int32(i), int32(t.word)})
					}
				}
			}
			if w := hits[w0:]; len(w) > 1 && !slices.IsSortedFunc(w, byRef) {
				slices.SortStableFunc(w, byRef)
			}
		}
	}
	// Longest phrases first; phrases of one length are taken left to right
	// along each line, not field by field: "Rango desde Número final" is
	// two labels, which "desde número" taken first would leave as two
	// stray words. At one place, phrases in labelOrder's order, so results
	// never depend on the order of the page's words. hits are in reading
	// order, each word's by phrase: a stable counting sort by phrase
	// length keeps that order within a length.
	var at [maxPhraseLen + 2]int
	for _, h := range hits {
		at[maxPhraseLen-len(labelOrder[h.ref].tokens)+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	sorted := slices.Grow(m.sorted[:0], len(hits))[:len(hits)]
	defer func() { m.sorted = sorted[:0] }()
	for _, h := range hits {
		k := maxPhraseLen - len(labelOrder[h.ref].tokens)
		sorted[at[k]] = h
		at[k]++
	}
	pg.findBoxLabels(toks)
	for _, h := range sorted {
		ref := &labelOrder[h.ref]
		if words, ok := pg.matchAt(toks, int(h.line), int(h.start), ref.tokens); ok {
			pg.addLabel(ref.spec, words)
		}
	}
	pg.keylessBoxes()
	pg.numberHeaders()
	slices.SortFunc(pg.labels, func(a, b label) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return int(a.r.X0 - b.r.X0)
	})
	for i := range pg.words {
		pg.words[i].label = -1
	}
	for k := range pg.labels {
		for _, wi := range pg.labels[k].words {
			pg.words[wi].label = k
		}
		if b := pg.labels[k].boxWord; b >= 0 {
			pg.words[b].label = k
		}
	}
	for k := range pg.labels {
		pg.absorbWrap(toks, k)
	}
}

// absorbWrap adds to label k the lines that continue its text: just below
// it (closer than the label's own leading would allow a value), inside its
// cell, in its font and size, without digits, and not readable as the
// field's value. "Razón social" over "del solicitante" is one label; the
// name below it is not part of it.
func (pg *page) absorbWrap(toks [][]tokenRef, k int) {
	l := &pg.labels[k]
	ref := &pg.words[l.words[0]]
	// The rest of the label's line first: "Razón social" followed at a word
	// space by "del solicitante" in the same style is one label. A colon
	// ends a label.
	gloss := false // after a slash: the label's translation, in any style
	for last := l.words[len(l.words)-1]; last+1 < pg.lines[pg.words[last].line].end; last++ {
		w, prev := &pg.words[last+1], &pg.words[last]
		gloss = gloss || strings.HasSuffix(prev.Text, "/") || w.Text == "/"
		maxGap := pg.wordGap(pg.words[last].line)
		if strings.HasSuffix(prev.Text, "/") {
			maxGap = max(maxGap, 2*ref.wsize()) // "Razón social /   Company name"
		}
		if w.label >= 0 || w.X0-prev.X1 > maxGap || strings.HasSuffix(prev.Text, ":") ||
			!gloss && (w.Font != ref.Font || math.Abs(w.wsize()-ref.wsize()) > 0.3) || gloss && w.Text != "/" && !isGloss(w.fold) ||
			w.digits || rowWord(w.fold) || isLeader(w.Text) || pg.phraseStarts(toks, l.spec, pg.words[last].line, last+1) {
			break // a colon or a leader ends a label: its value follows; so does another field's label
		}
		pg.absorb(k, []int{last + 1})
	}
	_, right := pg.column(k)
	mixed := strings.ContainsFunc(l.text, unicode.IsLower)
	for n := 0; n < 2; n++ {
		j := l.lastLine + 1
		if j >= len(pg.lines) || pg.lines[j].y0-l.r.Y1 > 0.6*l.size || pg.lines[j].y0 < l.r.Y0 {
			return
		}
		// A translation wrapped under the label ("Razón Social / Company"
		// over "name"), whatever stands beside it: the label's.
		var glossed []int
		under := true
		for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
			if w := &pg.words[wi]; w.X1 > l.r.X0-0.5*l.size && w.X0 < l.r.X1 {
				under = under && w.label < 0 && isGloss(w.fold)
				glossed = append(glossed, wi)
			}
		}
		if under && len(glossed) > 0 {
			pg.absorb(k, glossed)
			l.lastLine = j
			continue
		}
		var more []int
		for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
			w := &pg.words[wi]
			if c := (w.X0 + w.X1) / 2; w.X1 < l.r.X0-0.5*l.size || c >= right {
				continue
			}
			if isGloss(w.fold) && w.label < 0 {
				more = append(more, wi) // the label's translation, in any style
				continue
			}
			if w.label >= 0 || w.Font != ref.Font || math.Abs(w.wsize()-ref.wsize()) > 0.3 ||
				w.digits || rowWord(w.fold) || isLeader(w.Text) ||
				mixed && !strings.ContainsFunc(w.Text, unicode.IsLower) && strings.ContainsFunc(w.Text, unicode.IsUpper) {
				return // capitals under a label in mixed case: its value
			}
			more = append(more, wi)
		}
		if len(more) == 0 || pg.words[more[0]].X0 > l.r.X1 {
			return // text that starts past the label's end is no wrap of it: a value of a column right of it
		}
		// Words that read as this field's value are its value, printed
		// right under the label in the label's own style ("PRIMER
		// APELLIDO" over "OSPINA"), not more of the label.
		glossOnly := !slices.ContainsFunc(more, func(wi int) bool { return !isGloss(pg.words[wi].fold) })
		if t := l.spec.typ; t != typeNone && t != typeAny && !glossOnly && !slices.ContainsFunc(more, func(wi int) bool {
			// "(paterno)", "(meses)": a value is never printed in brackets.
			return strings.ContainsAny(pg.words[wi].Text, "()[]")
		}) {
			if _, ok, _ := pg.typed(t, more); ok {
				return
			}
		}
		pg.absorb(k, more)
		l.lastLine = j
	}
}

// dianNIT reports whether the words after word wi, on its line, say "de
// la DIAN": a NIT label there names DIAN's NIT, not the taxpayer's.
func (pg *page) dianNIT(wi int) bool {
	want := []string{"de", "la", "dian"}
	end := pg.lines[pg.words[wi].line].end
	for i, t := range want {
		n := wi + 1 + i
		if n >= end || strings.Trim(pg.words[n].fold, ",.:") != t {
			return false
		}
	}
	return true
}

// absorb adds words ws to label k.
func (pg *page) absorb(k int, ws []int) {
	l := &pg.labels[k]
	for _, wi := range ws {
		pg.words[wi].label = k
		l.words = append(l.words, wi)
		l.r = union(l.r, pg.words[wi].rect())
		l.text += " " + pg.words[wi].Text
	}
}

// findBoxLabels finds labels by their DIAN box number, whatever their
// wording: a number printed as a box number ("32." or "32", or "(32)"
// after the text) next to words that hold one of its spec's keys. The
// label's text is the rest of its cell on the same line and, when the
// text wraps, the lines just below at the same font size. Labels of
// boxes 34–37, whose content is not known, only bound their neighbours.
func (pg *page) findBoxLabels(toks [][]tokenRef) {
	for li := range pg.lines {
		ln := pg.lines[li]
		for wi := ln.first; wi < ln.end; wi++ {
			w := &pg.words[wi]
			if w.label >= 0 || !w.digits { // a box number is digits
				continue
			}
			n, before := boxNumberWord(w.Text)
			s, known := byBox[n]
			if !known || wi > ln.first && wi+1 == ln.end && strings.HasSuffix(pg.words[wi-1].Text, ":") {
				continue // "DV: 9" ending its line: a value after a colon, no box number
			}
			// A known wording right after the number is the label, exactly.
			if before && wi+1 < ln.end && pg.phraseAt(toks, s, li, wi+1) {
				continue
			}
			var text []int
			switch {
			case len(s.keys) == 0:
				// Boxes 34–37: what they hold is not known, so forms print
				// their numbers alone; the words around are other boxes'.
				// A bare "35" may as well be a value ("35 001"): it counts
				// only on a line of other labels (see keylessBoxes).
				if !strings.ContainsAny(w.Text, ".()") {
					continue
				}
			case before:
				text = pg.boxLabelText(toks, s, li, wi)
			default:
				text = pg.wholePhrase(toks, s, pg.boxLabelTextBefore(toks, s, li, wi))
			}
			if !pg.hasKey(s, text) {
				continue
			}
			pg.addBoxLabel(s, n, wi, text)
		}
	}
}

// keylessBoxes takes bare numbers 34–37 as the box numbers of columns the
// reader does not know, but only on a line that holds other labels: a
// table header.
func (pg *page) keylessBoxes() {
	onLine := map[int]int{}
	for k := range pg.labels {
		onLine[pg.labels[k].line]++
	}
	for li := range pg.lines {
		if onLine[li] < 2 {
			continue
		}
		for wi := pg.lines[li].first; wi < pg.lines[li].end; wi++ {
			if n, ok := boxNumber(pg.words[wi].Text); ok && n >= 34 && n <= 37 && pg.words[wi].label < 0 {
				pg.addBoxLabel(byBox[n], n, wi, nil)
			}
		}
	}
}

// numberHeaders takes a line that holds the box numbers of three or more
// of the table's columns and nothing else but code words ("30 Cód. 31 32
// 33 38 Tipo Cód.") as a header whose columns are labelled by number
// alone: a table whose cells carry their box numbers over their values.
func (pg *page) numberHeaders() {
	for li := range pg.lines {
		var nums []int
		seen := map[int]bool{}
		others := 0
		for wi := pg.lines[li].first; wi < pg.lines[li].end; wi++ {
			w := &pg.words[wi]
			if w.label >= 0 {
				continue
			}
			if n, ok := boxNumber(w.Text); ok && n >= 30 && n <= 38 && byBox[n] != nil && !strings.HasSuffix(w.Text, ".") {
				if !seen[n] {
					seen[n] = true
					nums = append(nums, wi)
				}
				continue
			}
			others++
		}
		if len(seen) < 3 || others > len(seen)/2+1 {
			continue
		}
		for _, wi := range nums {
			n, _ := boxNumber(pg.words[wi].Text)
			pg.addBoxLabel(byBox[n], n, wi, nil)
			pg.words[wi].label = len(pg.labels) - 1
		}
	}
}

// wordStart returns the index in line (a line's tokens) of word wi's first
// token, where a phrase starting at wi starts, or -1.
func wordStart(line []tokenRef, wi int) int {
	return slices.IndexFunc(line, func(t tokenRef) bool { return t.word == wi && t.tok == 0 })
}

// phraseAt adds the label of spec s if one of its phrases starts at word
// wi of line li, and reports whether it did.
func (pg *page) phraseAt(toks [][]tokenRef, s *spec, li, wi int) bool {
	start := wordStart(toks[li], wi)
	if start < 0 {
		return false
	}
	for _, p := range s.phrases { // most specific first
		if words, ok := pg.matchAt(toks, li, start, p); ok {
			before := len(pg.labels)
			pg.addLabel(s, words)
			return len(pg.labels) > before
		}
	}
	return false
}

// wholePhrase returns the words of the phrase of s that holds all of text
// and starts at text's first word or a word or two before it on its line,
// when one matches there, else text: a box number printed under "Tipo de"
// of "Tipo de documento", or right-aligned under "final" of "Número
// final", spans only part of its label, and the cell's geometry alone
// would cut the label short.
func (pg *page) wholePhrase(toks [][]tokenRef, s *spec, text []int) []int {
	if len(text) == 0 {
		return text
	}
	li := pg.words[text[0]].line
	for first := text[0]; first >= pg.lines[li].first && first > text[0]-3; first-- {
		if first < text[0] && (pg.words[first].label >= 0 || pg.words[first+1].X0-pg.words[first].X1 > pg.wordGap(li)) {
			break
		}
		start := wordStart(toks[li], first)
		if start < 0 {
			continue
		}
		for _, p := range s.phrases { // most specific first
			if words, ok := pg.matchAt(toks, li, start, p); ok && len(words) > len(text) &&
				!slices.ContainsFunc(text, func(wi int) bool { return !slices.Contains(words, wi) }) {
				return words
			}
		}
	}
	return text
}

// phraseStarts reports whether a phrase of a field other than s starts at
// word wi of line li, without taking it: in a monospaced header, "MESES
// TIPO SOLICITUD" stand a single space apart and are two labels.
func (pg *page) phraseStarts(toks [][]tokenRef, s *spec, li, wi int) bool {
	w := &pg.words[wi]
	start := wordStart(toks[li], wi)
	if len(w.toks) == 0 || start < 0 {
		return false
	}
	for _, i := range phraseHeads[w.toks[0]] {
		if ref := &labelOrder[i]; ref.spec != s {
			if _, ok := pg.matchAt(toks, li, start, ref.tokens); ok {
				return true
			}
		}
	}
	return false
}

// otherLabelAt reports whether another field's label starts at word wi
// of line li, and takes it: a box label's free wording ends where one of
// the other labels' phrases begins ("38. Meses" and, a word space on,
// "Tipo de" over "solicitud", when the header's cells are not ruled). A
// phrase of s itself there is s's own wording and does not stop it.
func (pg *page) otherLabelAt(toks [][]tokenRef, s *spec, li, wi int) bool {
	w := &pg.words[wi]
	if len(w.toks) == 0 {
		return false
	}
	start := wordStart(toks[li], wi)
	if start < 0 {
		return false
	}
	heads := phraseHeads[w.toks[0]]
	for _, i := range heads {
		if ref := &labelOrder[i]; ref.spec == s {
			if _, ok := pg.matchAt(toks, li, start, ref.tokens); ok {
				return false
			}
		}
	}
	for _, i := range heads { // longest phrases first, as findLabels takes them
		ref := &labelOrder[i]
		if ref.spec == s {
			continue
		}
		if words, ok := pg.matchAt(toks, li, start, ref.tokens); ok {
			before := len(pg.labels)
			pg.addLabel(ref.spec, words)
			return len(pg.labels) > before
		}
	}
	return false
}

// boxNumberWord reads a word as a box number: "32." or "32" printed before
// a label (before is true), or "(32)" printed after one.
func boxNumberWord(t string) (n int, before bool) {
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		n, ok := boxNumber(t[1 : len(t)-1])
		if !ok {
			return 0, false
		}
		return n, false
	}
	n, ok := boxNumber(t)
	if !ok {
		return 0, false
	}
	return n, true
}

// boxLabelText returns the label words of the box number at word b: the
// words right of it up to its cell's end and, when the label wraps (or
// starts on the next line), the words below it inside its cell.
func (pg *page) boxLabelText(toks [][]tokenRef, s *spec, li, b int) []int {
	size := pg.words[b].wsize()
	ln := pg.lines[li]
	var out []int
	right := pg.width
	for wi := b + 1; wi < ln.end; wi++ {
		w := &pg.words[wi]
		prev := &pg.words[wi-1]
		if w.label >= 0 || w.X0-prev.X1 > pg.wordGap(li) || isBoxNumber(w.Text) || isLeader(w.Text) || pg.otherLabelAt(toks, s, li, wi) {
			right = w.X0
			break
		}
		// A value printed beside the label: digits (but "1er."), another
		// size, or anything after a colon.
		if w.digits && !ordinal(w.Text) || math.Abs(w.wsize()-size) > 0.5 ||
			wi > b+1 && strings.HasSuffix(prev.Text, ":") {
			right = w.X0
			if len(out) == 0 {
				return nil
			}
			return out
		}
		out = append(out, wi)
	}
	// Text below stands under the number or right of it, never left of it
	// (that is the previous box's), and aligns with this number better
	// than with any other on its line (left, right or centred).
	left := pg.words[b].X0 - 0.5
	var nums []int
	for wi := ln.first; wi < ln.end; wi++ {
		if _, ok := boxNumber(strings.Trim(pg.words[wi].Text, "()")); ok {
			nums = append(nums, wi)
		}
	}
	aligned := func(w *word) bool {
		d := func(n int) float64 {
			x := &pg.words[n]
			return min(math.Abs(w.X0-x.X0), math.Abs(w.X1-x.X1), math.Abs((w.X0+w.X1)/2-(x.X0+x.X1)/2))
		}
		mine := d(b)
		for _, n := range nums {
			if n != b && d(n) < mine {
				return false
			}
		}
		return true
	}
	// Lines below at the label's size continue it inside its cell.
	last := li
	for j := li + 1; j < len(pg.lines) && j <= li+3; j++ {
		if pg.lines[j].y0-pg.lines[last].y1 > 1.0*size || pg.lines[j].y0 < pg.lines[last].y0 {
			if pg.lines[j].y0-pg.lines[last].y1 > 1.0*size {
				break
			}
			continue
		}
		var more []int
		ended := false // another field's label started on this line
		for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
			w := &pg.words[wi]
			c := (w.X0 + w.X1) / 2
			if _, num := boxNumber(w.Text); num {
				more = nil
				break // a line with box numbers is the next row of labels
			}
			if ended || w.X1 <= left || c >= right || w.label >= 0 || !aligned(w) || isLeader(w.Text) || pg.wrapsFromAbove(toks, s, wi, li, j) {
				continue // (a rule of dashes under a header is no wording)
			}
			if len(more) > 0 && pg.phraseStarts(toks, s, j, wi) {
				// "38" over "MESES TIPO SOLICITUD": the request's label
				// starts there. (A box number further on still makes the
				// line the next row of labels.)
				ended = true
				continue
			}
			if math.Abs(w.wsize()-size) > 0.5 || w.digits {
				more = nil
				break
			}
			more = append(more, wi)
		}
		if len(more) == 0 {
			break
		}
		out = append(out, more...)
		last = j
	}
	return out
}

// wrapsFromAbove reports whether word wi, on line j, ends a phrase of
// another field than s that starts on lines from to j-1: in an unruled
// header "38" over "VIGENCIA" over "(MESES)" is box 38, while "SOLICITUD"
// beside "VIGENCIA" wraps from "TIPO" on the number's line.
func (pg *page) wrapsFromAbove(toks [][]tokenRef, s *spec, wi, from, j int) bool {
	for l := from; l < j; l++ {
		for p, t := range toks[l] {
			u := &pg.words[t.word]
			if t.tok != 0 || u.label >= 0 || len(u.toks) == 0 {
				continue
			}
			for _, i := range phraseHeads[u.toks[0]] {
				if ref := &labelOrder[i]; ref.spec != s {
					if words, ok := pg.matchAt(toks, l, p, ref.tokens); ok && slices.Contains(words, wi) {
						return true
					}
				}
			}
		}
	}
	return false
}

// boxLabelTextBefore returns the words of a label whose box number is
// printed after it ("Prefijo (31)"): back along the line to its cell's start,
// or to where another field's phrase begins once s's own wording holds
// its key ("Prefijo Desde (32)" in an unruled header is two labels).
func (pg *page) boxLabelTextBefore(toks [][]tokenRef, s *spec, li, b int) []int {
	size := pg.words[b].wsize()
	var out []int
	for wi := b - 1; wi >= pg.lines[li].first; wi-- {
		w := &pg.words[wi]
		next := &pg.words[wi+1]
		if w.label >= 0 || next.X0-w.X1 > pg.wordGap(li) || w.digits {
			break // a cell's words stand a word space apart
		}
		if len(s.keys) > 0 && pg.hasKey(s, out) && pg.otherLabelAt(toks, s, li, wi) {
			break
		}
		out = append([]int{wi}, out...)
	}
	// The label may start on the lines above: "Nombre o razón" over
	// "social (11)".
	x0, x1 := pg.words[b].X0, pg.words[b].X1
	if len(out) > 0 {
		x0 = pg.words[out[0]].X0
	}
	top := li
	for j := li - 1; j >= 0 && j >= li-2; j-- {
		if pg.lines[top].y0-pg.lines[j].y1 > 1.0*size {
			break
		}
		var more []int
		for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
			w := &pg.words[wi]
			if c := (w.X0 + w.X1) / 2; c < x0-0.5*size || c > x1 {
				continue
			}
			if w.label >= 0 || isBoxNumber(w.Text) || w.digits || math.Abs(w.wsize()-size) > 0.5 {
				more = nil
				break
			}
			more = append(more, wi)
		}
		if len(more) == 0 {
			break
		}
		out = append(more, out...)
		top = j
	}
	return out
}

// isLeader reports whether t is a leader drawn as text ("........",
// "___"): it runs from a label to its value, so the label ends there.
func isLeader(t string) bool {
	return len(t) >= 3 && punctOnly(t) && strings.Trim(t, "._-…·") == ""
}

// ordinal reports whether t is an abbreviated ordinal of a label: "1er.",
// "2do", "1ª".
func ordinal(t string) bool {
	f := vocab.Fold(t)
	return len(f) >= 2 && f[0] >= '1' && f[0] <= '9' && !strings.ContainsFunc(f[1:], isDigit)
}

func isBoxNumber(t string) bool {
	_, ok := boxNumber(t)
	return ok && strings.HasSuffix(t, ".") || strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && vocab.AllDigits(t[1:len(t)-1])
}

// hasKey reports whether the words hold one of s's keys; boxes without
// keys (34–37) need only be numbered.
func (pg *page) hasKey(s *spec, ws []int) bool {
	if len(s.keys) == 0 {
		return true
	}
	for _, wi := range ws {
		for _, t := range pg.words[wi].toks {
			if slices.Contains(s.keys, t) {
				return true
			}
		}
	}
	return false
}

// addBoxLabel records a label found by its box number.
func (pg *page) addBoxLabel(s *spec, n, b int, text []int) {
	if len(pg.labels) >= maxLabels {
		return
	}
	l := label{spec: s, box: n, boxWord: b, size: pg.words[b].wsize(), line: pg.words[b].line, lastLine: pg.words[b].line, words: text}
	r := pg.words[b].rect()
	var texts []string
	for _, wi := range text {
		r = union(r, pg.words[wi].rect())
		texts = append(texts, pg.words[wi].Text)
		l.line = min(l.line, pg.words[wi].line)
		l.lastLine = max(l.lastLine, pg.words[wi].line)
	}
	if len(text) == 0 {
		l.words = []int{b}
	}
	for _, wi := range append([]int{b}, text...) {
		pg.words[wi].label = len(pg.labels)
	}
	l.r, l.text = r, strings.Join(texts, " ")
	if l.text == "" {
		l.text = pg.words[b].Text
	}
	pg.labels = append(pg.labels, l)
}

// hasLabelOfBox reports whether a label of box n already stands on line
// li left of x.
func (pg *page) hasLabelOfBox(n, li int, x float64) bool {
	return slices.ContainsFunc(pg.labels, func(l label) bool {
		return l.spec.box == n && l.line <= li && l.lastLine >= li && l.r.X1 <= x
	})
}

// matchAt matches phrase from token start of line li. A phrase may wrap:
// when its cell ends (end of line, or a wide gap) before the phrase does,
// the rest must start the next line down at the label's left edge. Word
// matches must be whole words (a word's tokens all consumed), and words of
// another label are never reused.
func (pg *page) matchAt(toks [][]tokenRef, li, start int, phrase []string) ([]int, bool) {
	line := toks[li]
	first := line[start]
	if first.tok != 0 || pg.words[first.word].label >= 0 {
		return nil, false
	}
	var words []int
	pos, cur := start, li
	size := pg.words[first.word].wsize()
	// A wrapped label continues under its first word or under its box number.
	var lefts [2]float64
	x0 := append(lefts[:0], pg.words[first.word].X0)
	if b := first.word - 1; b >= pg.lines[li].first {
		if _, ok := boxNumber(pg.words[b].Text); ok {
			x0 = append(x0, pg.words[b].X0)
		}
	}
	for k := 0; k < len(phrase); k++ {
		// The phrase goes on along the line while the next word says what it
		// should and is not beyond a cell's width of space (TeX stretches
		// a label's words); where the cell ends first, it wraps to a line
		// below, at the label's left.
		// The line's own words so far: a wrapped label may be set flush
		// right or centred under them.
		lineEnd := func() float64 {
			x1 := -1.0
			for _, wi := range words {
				if pg.words[wi].line == cur {
					x1 = max(x1, pg.words[wi].X1)
				}
			}
			return x1
		}
		sameLine := pos < len(toks[cur]) && (k == 0 || toks[cur][pos].tok != 0 ||
			!pg.cellEnds(toks[cur][pos-1].word, toks[cur][pos].word, size))
		if !sameLine && pos < len(toks[cur]) && k > 0 {
			// A stretched word space, unless the word also starts the
			// next line at the label's edge: in an unruled header
			// "DESDE EL" over "NÚMERO" wraps, and the "NÚMERO" a cell
			// gap to the right is the next column's.
			next := &pg.words[toks[cur][pos].word]
			_, _, wraps := pg.wrapTarget(toks, cur, x0, lineEnd(), size, phrase[k])
			sameLine = !wraps && tokenEq(next.toks[0], phrase[k]) &&
				next.X0-pg.words[toks[cur][pos-1].word].X1 <= 1.2*size && !isBoxNumber(next.Text)
		}
		if !sameLine {
			next, npos, ok := pg.wrapTarget(toks, cur, x0, lineEnd(), size, phrase[k])
			if !ok || len(words) == 0 {
				return nil, false
			}
			cur, pos = next, npos
		}
		t := toks[cur][pos]
		w := &pg.words[t.word]
		if w.label >= 0 || !tokenEq(w.toks[t.tok], phrase[k]) {
			return nil, false
		}
		if len(words) == 0 || words[len(words)-1] != t.word {
			// A colon ends a label: "SEGUNDO NOMBRE:" over "O RAZÓN
			// SOCIAL:" is two labels, not "nombre o razón social".
			if t.tok != 0 || len(words) > 0 && strings.HasSuffix(pg.words[words[len(words)-1]].Text, ":") {
				return nil, false
			}
			words = append(words, t.word)
		}
		pos++
	}
	// Whole words only: the last word's tokens must all be consumed.
	last := toks[cur][pos-1]
	if last.tok != len(pg.words[last.word].toks)-1 {
		return nil, false
	}
	return words, true
}

// cellEnds reports whether word b starts another cell than word a: a wide
// gap, or b is the next box's number ("33.").
func (pg *page) cellEnds(a, b int, size float64) bool {
	if pg.words[b].X0-pg.words[a].X1 > pg.wordGap(pg.words[a].line) {
		return true
	}
	t := pg.words[b].Text
	_, num := boxNumber(t)
	return num && strings.HasSuffix(t, ".")
}

// wrapTarget finds where a wrapped label continues: the first line below
// cur, within 1.8 font sizes, with a word whose first token is tok,
// starting near one of x0 or ending near x1 (a label set flush right).
func (pg *page) wrapTarget(toks [][]tokenRef, cur int, x0 []float64, x1, size float64, tok string) (int, int, bool) {
	for j := cur + 1; j < len(pg.lines) && j <= cur+4 && pg.lines[j].y0-pg.lines[cur].y1 < 1.8*size; j++ {
		if pg.lines[j].y0 <= pg.lines[cur].y0 {
			continue
		}
		for p, t := range toks[j] {
			w := &pg.words[t.word]
			near := x1 > 0 && math.Abs(w.X1-x1) < 1.0*size // set flush right
			for _, x := range x0 {
				near = near || math.Abs(w.X0-x) < 1.5*size
			}
			if t.tok == 0 && near && w.label < 0 && tokenEq(w.toks[0], tok) {
				return j, p, true
			}
		}
	}
	return 0, 0, false
}

// tokenEq compares folded tokens, allowing one typo in long words.
func tokenEq(a, b string) bool {
	if a == b {
		return true
	}
	if len(b) < minTypoLen || abs(len(a)-len(b)) > 1 {
		return false
	}
	return editDistance1(a, b)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance1 reports whether a and b differ by at most one edit.
func editDistance1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// maxLabels bounds the labels of one page: a formato 1876 prints a few
// dozen, and a hostile page full of label words must not make the
// reader's pairwise work (columns, candidates) quadratic in its size.
const maxLabels = 300

// addLabel records a label made of words, with its box number when one is
// printed just before it ("4." or "4") or just after ("(31)").
func (pg *page) addLabel(s *spec, words []int) {
	if len(pg.labels) >= maxLabels {
		return
	}
	first := &pg.words[words[0]]
	if strings.HasPrefix(first.Text, "(") && !strings.Contains(first.Text, ")") {
		// "Rango autorizado (prefijo + número)": a parenthesis that goes
		// on is a column's gloss, not the prefix's label ("(NIT)" is one).
		return
	}
	if b := words[0] - 1; s.key == "prefix" && b >= pg.lines[first.line].first && pg.words[b].fold == "sin" {
		return // "Prefijo: Sin prefijo": the value, that there is none
	}
	if s.key == "nit" && pg.dianNIT(words[len(words)-1]) {
		return // "NIT de la DIAN 800197268-4": DIAN's own, in its address
	}
	if s.key == "range" && pg.boundsWithoutJoin(words) {
		return // "Rango desde" and "Hasta el número" side by side are two columns; "Rango (desde - hasta)" is one
	}
	size := first.wsize()
	l := label{spec: s, words: words, boxWord: -1, size: size, line: first.line, lastLine: pg.words[words[len(words)-1]].line}
	if b := words[0] - 1; b >= pg.lines[first.line].first {
		if n, ok := boxNumber(pg.words[b].Text); ok && pg.words[b].label < 0 && first.X0-pg.words[b].X1 < 1.5*size {
			l.box, l.boxWord = n, b
		}
	}
	if l.boxWord < 0 {
		lastW := words[len(words)-1]
		if a := lastW + 1; a < pg.lines[pg.words[lastW].line].end {
			t := strings.Trim(strings.TrimSuffix(pg.words[a].Text, ":"), "()[]") // "(8)", "(8):"
			if n, ok := boxNumber(t); ok && n >= 1 && pg.words[a].label < 0 && pg.words[a].X0-pg.words[lastW].X1 < 1.5*size &&
				strings.HasPrefix(pg.words[a].Text, "(") && s.box == n {
				l.box, l.boxWord = n, a
			}
		}
	}
	if s.box != 0 && l.box != 0 && l.box != s.box {
		if !pg.hasLabelOfBox(l.box, first.line, first.X0) {
			return // "35. Razón social" on another DIAN form is not box 11
		}
		// "PRIMER APELLIDO 7 SEGUNDO APELLIDO 8": the 7 closes the box
		// to the left, its number printed in its corner.
		l.box, l.boxWord = 0, -1
	}
	if s.needBox && l.box != s.box && !strings.HasSuffix(pg.words[words[len(words)-1]].Text, ":") {
		return // "Año" is a label only with its box number or a colon
	}
	// A parenthesised tail belongs to the label: "Vigencia (meses)".
	for {
		lastW := l.words[len(l.words)-1]
		a := lastW + 1
		if a >= pg.lines[pg.words[lastW].line].end || pg.words[a].label >= 0 || !strings.HasPrefix(pg.words[a].Text, "(") ||
			pg.words[a].X0-pg.words[lastW].X1 > 1.5*size || vocab.AllDigits(strings.Trim(pg.words[a].Text, "()")) {
			break
		}
		l.words = append(l.words, a)
		if strings.HasSuffix(pg.words[a].Text, ")") {
			break
		}
	}
	r := Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	if l.boxWord >= 0 {
		r = pg.words[l.boxWord].rect()
		pg.words[l.boxWord].label = len(pg.labels)
	}
	for _, wi := range l.words {
		w := &pg.words[wi]
		r = union(r, w.rect())
		w.label = len(pg.labels) // provisional, so no other label takes it
	}
	l.r, l.text = r, pg.text(l.words)
	if cap(pg.labels) == 0 {
		pg.labels = make([]label, 0, 32) // a page of the form has a few dozen
	}
	pg.labels = append(pg.labels, l)
}

// boxNumber reads a box number as printed before a label: "4." or "4".
func boxNumber(s string) (int, bool) {
	s = strings.TrimSuffix(s, ".")
	n, ok := vocab.SmallInt(s, 3)
	return n, ok && n > 0
}

// byRef orders a word's label hits by phrase, labelOrder's order.
func byRef(a, b labelHit) int { return cmp.Compare(a.ref, b.ref) }

// boundsWithoutJoin reports whether a range column's label names both
// bounds ("Rango desde … hasta") with no dash or parenthesis between them.
func (pg *page) boundsWithoutJoin(words []int) bool {
	text := pg.text(words)
	t := vocab.Fold(text)
	return (strings.Contains(t, "desde") || strings.Contains(t, " del ")) && !strings.ContainsAny(text, "(-–/")
}
