// Command scorelayouts parses every PDF under testdata/layouts with
// resolution.ParseBytes and compares the result with its truth file,
// field by field: right, missing, warned (different but flagged by a
// warning) or WRONG (different and not flagged: the dangerous case).
// It prints counts per family and field, then totals for development
// and held-out families. Run it from the module root:
//
//	go run ./internal/fixturegen/cmd/scorelayouts [-dir testdata/layouts] [-v] [-heldout a,b]
//
// Families of another generator (any "_family" in the truth files) are
// scored too, as development families unless -heldout names them.
// With -v it also lists every wrong value and every parse error. The
// exit status is 0 whatever the score: the numbers are for people.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dianres/dianres/internal/fixturegen/layouts"
)

func main() {
	dir := flag.String("dir", "testdata/layouts", "directory written by genlayouts")
	verbose := flag.Bool("v", false, "list wrong values and parse errors")
	heldOut := flag.String("heldout", "", "comma-separated further held-out families (another generator's)")
	flag.Parse()
	truths, err := filepath.Glob(filepath.Join(*dir, "*", "*.json"))
	if err != nil || len(truths) == 0 {
		fmt.Fprintf(os.Stderr, "scorelayouts: no truth files under %s\n", *dir)
		os.Exit(1)
	}
	sort.Strings(truths)
	rep := layouts.NewReport()
	rep.HeldOut = map[string]bool{}
	for _, f := range strings.Split(*heldOut, ",") {
		if f != "" {
			rep.HeldOut[f] = true
		}
	}
	errs := map[string]int{}
	byProducer := map[string]*layouts.Tally{} // all families together
	var errLines []string
	for _, tp := range truths {
		raw, err := os.ReadFile(tp)
		if err != nil {
			fmt.Fprintln(os.Stderr, "scorelayouts:", err)
			os.Exit(1)
		}
		var t layouts.Truth
		if err := json.Unmarshal(raw, &t); err != nil {
			fmt.Fprintf(os.Stderr, "scorelayouts: %s: %v\n", tp, err)
			os.Exit(1)
		}
		pdf, err := os.ReadFile(strings.TrimSuffix(tp, ".json") + ".pdf")
		if err != nil {
			continue // a Ghostscript document not rendered on this machine
		}
		name := strings.TrimSuffix(filepath.Base(tp), ".json")
		res, perr := layouts.ParseDoc(context.Background(), pdf)
		if perr != nil {
			errs[t.Family]++
			errLines = append(errLines, fmt.Sprintf("%s: %v", name, perr))
		}
		rs := layouts.Score(t, res, perr)
		rep.Add(t.Family, name, rs)
		prod, _ := t.Variant["producer"].(string)
		if byProducer[prod] == nil {
			byProducer[prod] = &layouts.Tally{}
		}
		for _, r := range rs {
			byProducer[prod][r.Outcome]++
		}
	}
	rep.Print(os.Stdout)
	for _, p := range layouts.Producers {
		if t := byProducer[p]; t != nil {
			fmt.Printf("producer %-9s fields right %d/%d (%.1f%%), missing %d, warned %d, WRONG %d\n", p,
				t[layouts.Right], t.Total(), 100*float64(t[layouts.Right])/float64(max(1, t.Total())), t[layouts.Missing], t[layouts.Warned], t[layouts.Wrong])
		}
	}
	fmt.Println()
	dev, held := rep.Split()
	for _, g := range [][]string{dev, held} {
		for _, f := range g {
			if errs[f] > 0 {
				fmt.Printf("%-24s parse errors: %d\n", f, errs[f])
			}
		}
	}
	if *verbose {
		fmt.Println("\n== parse errors")
		for _, l := range errLines {
			fmt.Println(l)
		}
		fmt.Println("\n== WRONG values")
		for _, l := range rep.Wrong() {
			fmt.Println(l)
		}
	}
}
