// Command dianres reads DIAN numbering authorizations (formato 1876) and
// checks invoice numbers, prefix association and invoices against them.
//
// Usage:
//
//	dianres parse [flags] FILE|DIR|GLOB|-...
//	dianres check --resolution R [--at DATE] ID...
//	dianres audit --resolution R [--at DATE] FILE|-
//	dianres assoc --resolution R --ranges RESPONSE.xml|-
//	dianres invoice --resolution R [--software-id ID] INVOICE.xml|-
//	dianres legend --resolution R | --text TEXT|-
//	dianres version
//
// Flags go anywhere on the line; "-" is standard input for any file, and
// "--" ends the flags. Data goes to stdout, one compact JSON object per
// line with a "schema" field (see docs/dianres.schema.json); messages go to
// stderr, in Spanish or English (--lang, else LC_ALL, LC_MESSAGES, LANG).
//
// Exit status, the same for every command: 0 clean; 1 findings, or for
// parse a file that could not be read as a formato 1876; 2 a usage error;
// 3 an input of a checking command (--resolution, the XML, the numbers
// file) could not be read.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
)

// Exit statuses: one rule for every command.
const (
	exitOK       = 0 // clean
	exitFindings = 1 // findings; for parse, a file not read as a 1876
	exitUsage    = 2 // the command line is wrong
	exitInput    = 3 // an input of a checking command could not be read
)

// env is what a command may touch; tests pass buffers and fakes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stdoutTTY and stderrTTY report whether each is a terminal: progress
	// is drawn on a terminal stderr and cleared before lines reach a
	// terminal stdout.
	stdoutTTY, stderrTTY bool
	getenv               func(string) string
	// prompt asks for a password on the terminal; nil when there is none.
	prompt func(msg string) (string, error)

	lang lang // set by run
}

type command struct {
	name string
	run  func(e *env, args []string) int
	help func(l lang) string // the whole help text, without the flags
	// summary is the one-line description in the global help.
	summary [2]string // en, es
}

func commands() []command {
	return []command{
		{"parse", runParse, parseHelp, [2]string{"read formato 1876 PDFs", "lee PDF del formato 1876"}},
		{"check", runCheck, checkHelp, [2]string{"check invoice numbers", "verifica números de factura"}},
		{"audit", runAudit, auditHelp, [2]string{"audit a list of issued numbers", "audita la lista de números expedidos"}},
		{"assoc", runAssoc, assocHelp, [2]string{"check the prefix association against DIAN's answer", "verifica la asociación del prefijo con la respuesta de la DIAN"}},
		{"invoice", runInvoice, invoiceHelp, [2]string{"check an invoice XML", "verifica el XML de una factura"}},
		{"legend", runLegend, legendHelp, [2]string{"print the legend invoices must carry", "imprime la leyenda que deben llevar las facturas"}},
		{"version", runVersion, versionHelp, [2]string{"print the version", "muestra la versión"}},
	}
}

func main() {
	e := &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		stdoutTTY: isTerminal(os.Stdout), stderrTTY: isTerminal(os.Stderr),
		getenv: os.Getenv,
	}
	if isTerminal(os.Stdin) && e.stderrTTY {
		e.prompt = func(msg string) (string, error) {
			fmt.Fprint(os.Stderr, msg)
			defer fmt.Fprintln(os.Stderr)
			return readPassword(os.Stdin)
		}
	}
	os.Exit(run(e, os.Args[1:]))
}

func run(e *env, args []string) int {
	if e.getenv == nil {
		e.getenv = func(string) string { return "" }
	}
	l, err := chooseLang(args, e.getenv)
	e.lang = l
	if err != nil {
		return e.usageError("", err.Error())
	}
	if len(args) == 0 {
		return e.usageError("", l.t("no command given", "falta el comando"))
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					return c.run(e, []string{"--help"})
				}
			}
		}
		globalHelp(e.stdout, l)
		return exitOK
	case "-version", "--version":
		return runVersion(e, args[1:])
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	if strings.HasPrefix(args[0], "-") {
		// Global flags such as --lang may come before the command.
		for i, a := range args {
			for _, c := range commands() {
				if a == c.name {
					return c.run(e, append(append([]string{}, args[:i]...), args[i+1:]...))
				}
			}
		}
	}
	return e.usageError("", fmt.Sprintf(l.t("unknown command %q", "comando desconocido %q"), args[0]))
}

func globalHelp(w io.Writer, l lang) {
	fmt.Fprintln(w, l.t("usage: dianres COMMAND [flags] ARGS", "uso: dianres COMANDO [opciones] ARGUMENTOS"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.t("Reads DIAN numbering authorizations (formato 1876) and checks invoice\nnumbers, prefixes and invoices against them.",
		"Lee autorizaciones de numeración de la DIAN (formato 1876) y verifica contra\nellas números de factura, prefijos y facturas."))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.t("commands:", "comandos:"))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary[l])
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, l.t(commonHelpEN, commonHelpES))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.t("Run 'dianres COMMAND --help' for a command's flags and an example.",
		"Use 'dianres COMANDO --help' para ver las opciones de un comando y un ejemplo."))
}

const commonHelpEN = `Flags go anywhere on the line; "-" reads standard input wherever a file is
expected (--resolution - too); "--" ends the flags.

Output: one compact JSON object per line, each with "schema":"dianres/v1"
(docs/dianres.schema.json); parse prints text unless --json. Messages,
progress and summaries go to stderr.

Exit status: 0 clean; 1 findings (for parse: a file could not be read as a
formato 1876); 2 usage error; 3 an input of check, audit, assoc, invoice or
legend could not be read.

Language: --lang es|en, else LC_ALL, LC_MESSAGES or LANG (Spanish for es_*).
`

const commonHelpES = `Las opciones pueden ir en cualquier parte; "-" lee la entrada estándar donde
se espera un archivo (también --resolution -); "--" termina las opciones.

Salida: un objeto JSON compacto por línea, cada uno con "schema":"dianres/v1"
(docs/dianres.schema.json); parse imprime texto salvo con --json. Mensajes,
progreso y resúmenes van a la salida de errores (stderr).

Código de salida: 0 sin hallazgos; 1 hallazgos (en parse: un archivo no se
pudo leer como formato 1876); 2 error de uso; 3 no se pudo leer una entrada
de check, audit, assoc, invoice o legend.

Idioma: --lang es|en; si no, LC_ALL, LC_MESSAGES o LANG (español con es_*).
`

// usageError prints one line and where to look, and returns exitUsage.
// cmd is "" for the top level.
func (e *env) usageError(cmd, msg string) int {
	name := "dianres"
	if cmd != "" {
		name += " " + cmd
	}
	fmt.Fprintf(e.stderr, "%s: %s\n", name, msg)
	fmt.Fprintf(e.stderr, e.lang.t("see '%s --help'\n", "vea '%s --help'\n"), name)
	return exitUsage
}

// flags is a command's flag set plus the flags every command shares.
type flags struct {
	*flag.FlagSet
	e     *env
	cmd   string
	help  func(lang) string
	lang  string
	quiet bool
	json  bool
}

// newFlags returns the flag set of cmd with --lang, --quiet and --json.
func newFlags(e *env, cmd string, help func(lang) string, jsonUsage [2]string) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(cmd, flag.ContinueOnError), e: e, cmd: cmd, help: help}
	f.SetOutput(io.Discard)
	f.Usage = func() {}
	l := e.lang
	f.StringVar(&f.lang, "lang", "", l.t("language of messages, `es|en` (default from LC_ALL, LC_MESSAGES or LANG)",
		"idioma de los mensajes, `es|en` (por defecto según LC_ALL, LC_MESSAGES o LANG)"))
	f.BoolVar(&f.quiet, "quiet", false, l.t("no progress, summary or notes on stderr (errors still)", "sin progreso, resumen ni notas en stderr (los errores sí)"))
	f.BoolVar(&f.json, "json", false, jsonUsage[l])
	return f
}

// parse parses flags anywhere among the arguments and returns the
// arguments in order. ok is false when the command must stop with code.
func (f *flags) parse(args []string) (pos []string, code int, ok bool) {
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.printHelp()
				return nil, exitOK, false
			}
			return nil, f.e.usageError(f.cmd, translateFlagError(err, f.e.lang)), false
		}
		rest := f.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), 0, true
		}
		if len(rest) == 0 {
			return pos, 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func (f *flags) printHelp() {
	w := f.e.stdout
	l := f.e.lang
	fmt.Fprint(w, f.help(l))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.t("Flags:", "Opciones:"))
	f.VisitAll(func(fl *flag.Flag) {
		name, usage := flag.UnquoteUsage(fl)
		if name != "" {
			name = " " + name
		}
		fmt.Fprintf(w, "  --%s%s\n      %s", fl.Name, name, usage)
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			fmt.Fprintf(w, l.t(" (default %s)", " (por defecto %s)"), fl.DefValue)
		}
		fmt.Fprintln(w)
	})
}

var invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for flag (-\S+): (.*)$`)

// translateFlagError renders the flag package's errors in the user's
// language.
func translateFlagError(err error, l lang) string {
	msg := err.Error()
	if l != spanish {
		return msg
	}
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		return "valor no válido " + m[1] + " para la opción " + m[2] + ": " + m[3]
	}
	for _, p := range []struct{ en, es string }{
		{"flag provided but not defined: ", "opción desconocida: "},
		{"flag needs an argument: ", "falta el valor de la opción "},
	} {
		if rest, ok := strings.CutPrefix(msg, p.en); ok {
			return p.es + rest
		}
	}
	return msg
}

// chooseLang picks the language from --lang anywhere in args, else from
// the locale variables.
func chooseLang(args []string, getenv func(string) string) (lang, error) {
	for i, a := range args {
		if a == "--" {
			break
		}
		var v string
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				continue
			}
			v = args[i+1]
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			_, v, _ = strings.Cut(a, "=")
		default:
			continue
		}
		switch strings.ToLower(v) {
		case "es":
			return spanish, nil
		case "en":
			return english, nil
		}
		l := localeLang(getenv)
		return l, fmt.Errorf(l.t("unknown language %q (want es or en)", "idioma desconocido %q (use es o en)"), v)
	}
	return localeLang(getenv), nil
}

// localeLang reads the POSIX locale variables in their order of
// precedence: Spanish for es or es_*, English otherwise.
func localeLang(getenv func(string) string) lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if v == "es" || strings.HasPrefix(v, "es_") || strings.HasPrefix(v, "es.") {
				return spanish
			}
			return english
		}
	}
	return english
}

func versionHelp(l lang) string {
	return l.t(`usage: dianres version [--json]
       dianres --version

Prints the module version and the VCS revision it was built from.
Example:
  dianres version
`, `uso: dianres version [--json]
     dianres --version

Muestra la versión del módulo y la revisión de la que se compiló.
Ejemplo:
  dianres version
`)
}

// buildVersion returns the module version, the VCS revision (with
// "+dirty" for a modified tree) and the Go version.
func buildVersion() (version, revision, goVersion string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)", "", ""
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) (version, revision, goVersion string) {
	version = bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			dirty, _ = strconv.ParseBool(s.Value)
		}
	}
	if dirty && revision != "" {
		revision += "+dirty"
	}
	return version, revision, bi.GoVersion
}

func runVersion(e *env, args []string) int {
	f := newFlags(e, "version", versionHelp, [2]string{"print JSON", "imprime JSON"})
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usageError("version", e.lang.t("takes no arguments", "no recibe argumentos"))
	}
	v, rev, gov := buildVersion()
	if f.json {
		writeLine(e.stdout, struct {
			Schema   string `json:"schema"`
			Version  string `json:"version"`
			Revision string `json:"revision"`
			Go       string `json:"go"`
		}{schemaID, v, rev, gov})
		return exitOK
	}
	line := "dianres " + v
	if rev != "" {
		line += " " + rev
	}
	fmt.Fprintln(e.stdout, line+" "+gov)
	return exitOK
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
