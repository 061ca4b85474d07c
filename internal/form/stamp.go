package form

import (
	"math"
	"regexp"
	"strings"
)

var (
	isoDate = regexp.MustCompile(`(?:^|[^\d])(\d{4})[-/](\d{2})[-/](\d{2})(?:[^\d]|$)`)
	dmyDate = regexp.MustCompile(`(?:^|[^\d])(\d{2})[-/](\d{2})[-/](\d{4})(?:[^\d]|$)`)
)

// dashes maps the dashes producers draw for "-" (ps2pdf's U+2212 minus,
// en and em dashes, hyphens) to ASCII.
var dashes = strings.NewReplacer("\u2212", "-", "\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\ufe63", "-", "\uff0d", "-")

// findDate returns the first date in s as "YYYY-MM-DD", or "".
func findDate(s string) string {
	if !hasDigits(s, 6) {
		return "" // a date has at least six digits; most lines have none
	}
	s = compactDigits(dashes.Replace(s))
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return m[1] + "-" + m[2] + "-" + m[3]
	}
	if m := dmyDate.FindStringSubmatch(s); m != nil {
		return m[3] + "-" + m[2] + "-" + m[1]
	}
	return ""
}

// hasDigits reports whether s holds at least n ASCII digits.
func hasDigits(s string, n int) bool {
	for i := 0; i < len(s) && n > 0; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n--
		}
	}
	return n == 0
}

// compactDigits joins pieces of a date that letter-spacing split and the
// text layer did not merge: "2 0 2 4 -1 0 -1 9" and "2024 - 10 - 19" become
// "2024-10-19", while "19/03/2025 10:04:11" keeps its date and time apart.
func compactDigits(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var out []string
	for _, t := range strings.Fields(s) {
		if n := len(out); n > 0 && joinsDate(out[n-1], t) {
			out[n-1] += t
			continue
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// joinsDate reports whether t continues the date piece prev: both touch
// with date characters, and one of them is a lone digit pair or separator.
func joinsDate(prev, t string) bool {
	if !isDateByte(prev[len(prev)-1]) || !isDateByte(t[0]) {
		return false
	}
	short := func(x string) bool { return len(x) <= 2 }
	sep := func(c byte) bool { return c == '-' || c == '/' }
	return short(prev) || short(t) || sep(prev[len(prev)-1]) || sep(t[0])
}

func isDateByte(c byte) bool { return c >= '0' && c <= '9' || c == '-' || c == '/' }

// stampWords reports whether a line's folded, space-framed text names the
// stamp's date: "Fecha Acuse de Recibo", "Firmado" or box 997 "Fecha
// formalización".
func stampWords(folded string) bool {
	return strings.Contains(folded, " acuse de recibo ") || strings.Contains(folded, " firmado ") ||
		strings.Contains(folded, " fecha formalizacion ")
}

// readStampDate finds the date of DIAN's reception stamp: the date closest
// to the words "Fecha Acuse de Recibo" or "Firmado", or to box 997 "Fecha
// formalización", which real forms print with the same date.
func readStampDate(pages []*page, f *Fields) {
	type cand struct {
		date   string
		page   int
		x, y   float64
		timed  bool
		inRows bool
	}
	var cands []cand
	type spot struct {
		page int
		x, y float64
	}
	var labels []spot
	for _, p := range pages {
		for _, l := range p.lines {
			if stampWords(l.folded) {
				labels = append(labels, spot{p.number, (l.X0 + l.X1) / 2, (l.Y0 + l.Y1) / 2})
			}
			text := strings.Join(l.text, " ")
			if d := findDate(text); d != "" {
				timed := strings.Contains(compactDigits(text), ":")
				cands = append(cands, cand{date: d, page: p.number, x: (l.X0 + l.X1) / 2, y: (l.Y0 + l.Y1) / 2, timed: timed})
			}
		}
		for _, w := range p.rotated {
			if ft := Fold(w.Text); strings.Contains(ft, "acuse") || strings.Contains(ft, "recibo") {
				labels = append(labels, spot{p.number, (w.X0 + w.X1) / 2, (w.Y0 + w.Y1) / 2})
			}
			// A stamp may tilt its date too.
			if d := findDate(w.Text); d != "" {
				cands = append(cands, cand{date: d, page: p.number, x: (w.X0 + w.X1) / 2, y: (w.Y0 + w.Y1) / 2, timed: strings.Contains(w.Text, ":")})
			}
		}
	}
	for _, r := range f.Rows {
		for i := range cands {
			if r.ValidTo.Text == cands[i].date {
				cands[i].inRows = true
			}
		}
	}
	best, bestD := -1, math.Inf(1)
	for i, c := range cands {
		if c.inRows {
			continue
		}
		for _, l := range labels {
			if l.page != c.page {
				continue
			}
			if d := math.Hypot(l.x-c.x, l.y-c.y); d < bestD && d < 250 {
				best, bestD = i, d
			}
		}
	}
	if best < 0 { // no label: a date printed with a time is the stamp's
		for i, c := range cands {
			if c.timed && !c.inRows {
				best = i
				break
			}
		}
	}
	if best >= 0 {
		c := cands[best]
		f.StampDate = Field{Text: c.date, Page: c.page, Label: labelStamp, Found: true}
	}
}
