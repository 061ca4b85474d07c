package layouts

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/dianres/dianres/resolution"
)

// Outcome is how one field of a reading compares with the truth.
type Outcome int

// Outcomes, from best to worst. Wrong is the dangerous one: a value the
// parser returned without a doubt that differs from the truth, which a
// user would type into an invoicing system.
const (
	Right   Outcome = iota
	Missing         // not returned (empty, zero, or listed as missing by ErrIncomplete)
	Warned          // returned, different, and flagged by a warning on that field
	Wrong           // returned, different, and not flagged
)

// String returns the outcome's column name in reports.
func (o Outcome) String() string { return [...]string{"right", "missing", "warned", "WRONG"}[o] }

// Fields lists the compared fields in report order: the shared corpus's
// eval.py fields, with the per-range ones under their own names.
var Fields = []string{"number", "nit", "dv", "name", "ranges", "kind", "prefix", "from", "to", "months", "valid_from", "valid_to", "request"}

// A Result is one compared field of one document.
type Result struct {
	Field   string // one of Fields
	Path    string // "number", "ranges[1].prefix"...
	Want    string
	Got     string
	Outcome Outcome
}

// reading is a parser's answer as its JSON says it: Score compares the
// JSON contract (the CLI's output), not Go field names.
type reading struct {
	Number   string       `json:"number"`
	NIT      string       `json:"nit"`
	DV       string       `json:"dv"`
	Name     string       `json:"name"`
	Ranges   []TruthRange `json:"ranges"`
	Warnings []struct {
		Code string `json:"code"`
		Box  int    `json:"box"`
	} `json:"warnings"`
}

// warnedFields maps warning codes and box numbers to the fields they
// cast doubt on.
var (
	warnCodeFields = map[string][]string{
		"check-digit": {"nit", "dv"},
		"form-number": {"number"},
		"prefix":      {"prefix"},
		"months":      {"months", "valid_to"},
		"kind-code":   {"kind"},
		"valid-to":    {"valid_to"},
	}
	warnBoxFields = map[int][]string{
		4: {"number"}, 5: {"nit"}, 6: {"dv"}, 7: {"name"}, 8: {"name"}, 9: {"name"}, 10: {"name"}, 11: {"name"},
		30: {"kind"}, 31: {"prefix"}, 32: {"from"}, 33: {"to"}, 38: {"months", "valid_to"},
	}
)

// Score compares a parser's answer with the truth, field by field, with
// the rules of the shared corpus's eval.py: names compared with case,
// accents and whitespace folded, everything else exactly. res may be nil
// (nothing read: every field missing); err is Parse's error, whose
// ParseError.Missing list marks fields as missing rather than wrong.
//
// Warnings carry no row index, so a warning on a table box excuses that
// field in every row.
func Score(t Truth, res *resolution.Resolution, err error) []Result {
	var got reading
	if res != nil {
		b, jerr := json.Marshal(res)
		if jerr == nil {
			// A field of an unexpected type stays empty (missing);
			// Unmarshal still fills the others.
			_ = json.Unmarshal(b, &got)
		}
	}
	missing := map[string]bool{}
	var pe *resolution.ParseError
	if errors.As(err, &pe) {
		for _, m := range pe.Missing {
			missing[m] = true
		}
	}
	warned := map[string]bool{}
	for _, w := range got.Warnings {
		for _, f := range warnCodeFields[w.Code] {
			warned[f] = true
		}
		for _, f := range warnBoxFields[w.Box] {
			warned[f] = true
		}
	}
	var out []Result
	add := func(field, path, want, gotV string, same, absent bool) {
		o := Right
		switch {
		case same:
		case absent || missing[path] || missing[field]:
			o = Missing
		case warned[field]:
			o = Warned
		default:
			o = Wrong
		}
		out = append(out, Result{Field: field, Path: path, Want: want, Got: gotV, Outcome: o})
	}
	str := func(field, want, g string) { add(field, field, want, g, g == want, strings.TrimSpace(g) == "") }
	str("number", t.Number, got.Number)
	str("nit", t.NIT, got.NIT)
	str("dv", t.DV, got.DV)
	add("name", "name", t.Name, got.Name, FoldName(got.Name) == FoldName(t.Name), FoldName(got.Name) == "")
	n, wantN := len(got.Ranges), len(t.Ranges)
	add("ranges", "ranges", fmt.Sprint(wantN), fmt.Sprint(n), n == wantN, n == 0)
	for i, w := range t.Ranges {
		p := func(f string) string { return fmt.Sprintf("ranges[%d].%s", i, f) }
		if i >= n {
			for _, f := range Fields[5:] {
				add(f, p(f), "", "", false, true)
			}
			continue
		}
		g := got.Ranges[i]
		add("kind", p("kind"), w.Kind, g.Kind, g.Kind == w.Kind, g.Kind == "")
		add("prefix", p("prefix"), w.Prefix, g.Prefix, g.Prefix == w.Prefix, false) // "" is a real prefix
		add("from", p("from"), fmt.Sprint(w.From), fmt.Sprint(g.From), g.From == w.From, g.From == 0)
		add("to", p("to"), fmt.Sprint(w.To), fmt.Sprint(g.To), g.To == w.To, g.To == 0)
		add("months", p("months"), fmt.Sprint(w.Months), fmt.Sprint(g.Months), g.Months == w.Months, g.Months == 0)
		vfMissing := missing["valid_from"]
		add("valid_from", p("valid_from"), w.ValidFrom, g.ValidFrom, g.ValidFrom == w.ValidFrom, g.ValidFrom == "" || vfMissing)
		add("valid_to", p("valid_to"), w.ValidTo, g.ValidTo, g.ValidTo == w.ValidTo, g.ValidTo == "" || (vfMissing && g.ValidTo == ""))
		add("request", p("request"), w.Request, g.Request, g.Request == w.Request, g.Request == "")
	}
	return out
}

// FoldName folds case, accents (precomposed or combining) and whitespace,
// as eval.py's norm_name does for the letters Spanish names use.
func FoldName(s string) string {
	const from, to = "áéíóúüñàèìòùâêîôûäëïöç", "aeiouunaeiouaeiouaeioc"
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if i := strings.IndexRune(from, r); i >= 0 {
			r = []rune(to)[len([]rune(from[:i]))]
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// A Tally counts outcomes.
type Tally [4]int

// Total returns the number of fields counted.
func (t Tally) Total() int { return t[0] + t[1] + t[2] + t[3] }

// A Report accumulates results per family and field.
type Report struct {
	byFamily map[string]map[string]*Tally
	docs     map[string][2]int // family → documents all right, documents
	wrong    []string          // one line per Wrong result
	// HeldOut names further held-out families, beyond IsHeldOut's: those
	// of another generator scored in the same run.
	HeldOut map[string]bool
}

// NewReport returns an empty report.
func NewReport() *Report {
	return &Report{byFamily: map[string]map[string]*Tally{}, docs: map[string][2]int{}}
}

// Add records one document's results.
func (r *Report) Add(family, doc string, rs []Result) {
	m := r.byFamily[family]
	if m == nil {
		m = map[string]*Tally{}
		for _, f := range Fields {
			m[f] = &Tally{}
		}
		r.byFamily[family] = m
	}
	all := true
	for _, x := range rs {
		m[x.Field][x.Outcome]++
		all = all && x.Outcome == Right
		if x.Outcome == Wrong {
			r.wrong = append(r.wrong, fmt.Sprintf("%s %s: want %q got %q", doc, x.Path, x.Want, x.Got))
		}
	}
	d := r.docs[family]
	d[1]++
	if all {
		d[0]++
	}
	r.docs[family] = d
}

// Field returns the tally of one field over the given families.
func (r *Report) Field(field string, families ...string) Tally {
	var t Tally
	for _, f := range families {
		if m := r.byFamily[f]; m != nil {
			for i, n := range m[field] {
				t[i] += n
			}
		}
	}
	return t
}

// Wrong returns one line per wrong value: document, field, want, got.
func (r *Report) Wrong() []string { return r.wrong }

// Split returns the development and held-out families that have results:
// this package's families in their order, then any other family (from
// another generator) by name, held out when IsHeldOut or r.HeldOut says so.
func (r *Report) Split() (dev, held []string) {
	names := make([]string, 0, len(r.byFamily))
	for _, f := range Families {
		names = append(names, f.Name)
	}
	var others []string
	for f := range r.byFamily {
		if !slices.Contains(names, f) {
			others = append(others, f)
		}
	}
	slices.Sort(others)
	for _, f := range append(names, others...) {
		if r.byFamily[f] == nil {
			continue
		}
		if IsHeldOut(f) || r.HeldOut[f] {
			held = append(held, f)
		} else {
			dev = append(dev, f)
		}
	}
	return dev, held
}

// Print writes per-family and per-field counts, then the totals for
// development and held-out families.
func (r *Report) Print(w io.Writer) {
	dev, held := r.Split()
	line := func(name, field string, t Tally) {
		fmt.Fprintf(w, "%-24s %-11s %5d %7d %6d %5d   %5.1f%% right\n", name, field, t[Right], t[Missing], t[Warned], t[Wrong], pct(t[Right], t.Total()))
	}
	head := func() {
		fmt.Fprintf(w, "%-24s %-11s %5s %7s %6s %5s\n", "family", "field", "right", "missing", "warned", "WRONG")
	}
	head()
	for _, f := range slices.Concat(dev, held) {
		var sum Tally
		for _, fl := range Fields {
			t := r.Field(fl, f)
			line(f, fl, t)
			for i := range sum {
				sum[i] += t[i]
			}
		}
		d := r.docs[f]
		line(f, "ALL", sum)
		fmt.Fprintf(w, "%-24s documents entirely right: %d/%d\n\n", f, d[0], d[1])
	}
	for _, g := range []struct {
		name string
		fams []string
	}{{"DEVELOPMENT", dev}, {"HELD-OUT", held}} {
		if len(g.fams) == 0 {
			continue
		}
		fmt.Fprintf(w, "== %s families: %s\n", g.name, strings.Join(g.fams, ", "))
		head()
		var sum Tally
		docs := [2]int{}
		for _, fl := range Fields {
			t := r.Field(fl, g.fams...)
			line(g.name, fl, t)
			for i := range sum {
				sum[i] += t[i]
			}
		}
		for _, f := range g.fams {
			docs[0] += r.docs[f][0]
			docs[1] += r.docs[f][1]
		}
		line(g.name, "ALL", sum)
		fmt.Fprintf(w, "%s: fields right %d/%d (%.1f%%), missing %d, warned %d, WRONG %d; documents entirely right %d/%d\n\n",
			g.name, sum[Right], sum.Total(), pct(sum[Right], sum.Total()), sum[Missing], sum[Warned], sum[Wrong], docs[0], docs[1])
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
