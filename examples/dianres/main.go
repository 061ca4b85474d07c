// Command dianres reads DIAN numbering authorizations (formato 1876) and
// checks invoice numbers, prefix association and invoices against them.
//
// Usage:
//
//	dianres parse [--json] FILE...
//	dianres check --resolution R.pdf [--at TIME] ID...
//	dianres audit --resolution R.pdf [--at DATE] FILE
//	dianres assoc --resolution R.pdf --ranges RESPONSE.xml
//	dianres invoice --resolution R.pdf [--software-id ID] INVOICE.xml
//	dianres legend --resolution R.pdf
//
// Data goes to stdout, diagnostics to stderr. Exit status: 0 success,
// 1 a failure or a finding, 2 a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// env is what a command may touch; tests pass buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// terminal reports whether stderr is a terminal (progress bars go there).
	terminal bool
}

type command struct {
	name, usage string
	run         func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"parse", "parse [--json] FILE...  read formato 1876 PDFs", runParse},
		{"check", "check --resolution R [--at TIME] ID...  check invoice numbers", runCheck},
		{"audit", "audit --resolution R [--at DATE] FILE  audit a list of issued numbers", runAudit},
		{"assoc", "assoc --resolution R --ranges RESPONSE.xml  check prefix association", runAssoc},
		{"invoice", "invoice --resolution R [--software-id ID] INVOICE.xml  check an invoice XML", runInvoice},
		{"legend", "legend --resolution R  print the legend invoices must carry", runLegend},
	}
}

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, terminal: isTerminal(os.Stderr)}
	os.Exit(run(e, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "dianres: unknown command %q\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dianres COMMAND [flags] ARGS\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n", c.usage)
	}
	fmt.Fprintln(w, "\nRun 'dianres COMMAND --help' for a command's flags and an example.")
}

// newFlagSet returns a command's flag set: errors and usage go to stderr,
// and usage prints the command's help text, then its flags.
func newFlagSet(e *env, name, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, help)
		fs.PrintDefaults()
	}
	return fs
}

// exitUsage is the exit status after a flag parse error: 0 for --help,
// 2 for a usage error.
func exitUsage(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// parseInterleaved parses flags that may come before, between or after
// the arguments, and returns the arguments in order.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
