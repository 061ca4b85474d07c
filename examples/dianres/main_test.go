package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

const testdata = "../../testdata"

func td(p string) string { return filepath.Join(testdata, p) }

// cli runs the command in-process as a user's shell would: stdin given,
// stdout and stderr captured, the environment and terminals faked.
type cli struct {
	stdin                string
	env                  map[string]string
	stdoutTTY, stderrTTY bool
	prompt               func(string) (string, error)
	// shared sends stdout and stderr to one buffer, as a terminal shows them.
	shared bool
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs args and validates every JSON line of stdout against the
// command's definition in docs/dianres.schema.json.
func (c cli) run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(c.stdin), stdout: &out, stderr: &errb,
		stdoutTTY: c.stdoutTTY, stderrTTY: c.stderrTTY, prompt: c.prompt,
		getenv: func(k string) string { return c.env[k] }}
	if c.shared {
		e.stderr = &out
	}
	code := run(e, args)
	r := result{code, out.String(), errb.String()}
	if !c.shared && !isHelp(args) {
		assertSchema(t, commandOf(args), r.stdout)
	}
	return r
}

// runCLI is cli{stdin: stdin}.run.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return cli{stdin: stdin}.run(t, args...)
}

func isHelp(args []string) bool {
	for _, a := range args {
		if a == "--help" || a == "-h" || a == "help" {
			return true
		}
	}
	return false
}

// commandOf returns the command args run, "" when none.
func commandOf(args []string) string {
	for _, a := range args {
		for _, c := range commands() {
			if a == c.name {
				return a
			}
		}
	}
	return ""
}

// assertSchema checks every line of out that starts a JSON object: each
// must be compact (one object on one line) and valid for the command.
func assertSchema(t *testing.T, cmd, out string) {
	t.Helper()
	s := loadSchema(t)
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "{") {
			assert.NotRegexp(t, `^\s+"[a-z_]+": `, line, "indented JSON")
			continue
		}
		assert.NoError(t, s.validateLine([]byte(line), cmd), "%s output: %s", cmd, line)
	}
}

// jsonLines decodes every line of out.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		lines = append(lines, m)
	}
	return lines
}

func civil(y int, m time.Month, d int) resolution.Date { return resolution.NewDate(y, m, d) }

var (
	feRange = resolution.Range{Kind: resolution.KindElectronicInvoice, Prefix: "FE", From: 1, To: 1000, Months: 24,
		ValidFrom: civil(2024, time.October, 19), ValidTo: civil(2026, time.October, 19), Request: resolution.RequestAuthorization}
	setpRange = resolution.Range{Kind: resolution.KindElectronicInvoice, Prefix: "SETP", From: 990000000, To: 995000000, Months: 132,
		ValidFrom: civil(2019, time.January, 19), ValidTo: civil(2030, time.January, 19), Request: resolution.RequestAuthorization}
)

// writeResolutionJSON writes a resolution as a line of 'dianres parse
// --json' and returns its path.
func writeResolutionJSON(t *testing.T, ranges ...resolution.Range) string {
	t.Helper()
	res := resolution.Resolution{Number: "18760000001", Issuer: resolution.Issuer{NIT: "800197268", DV: "4", Name: "PRUEBAS SAS"},
		Ranges: ranges, Warnings: []resolution.Warning{}}
	b, err := json.Marshal(struct {
		Schema string `json:"schema"`
		File   string `json:"file"`
		resolution.Resolution
	}{schemaID, "pruebas.pdf", res})
	require.NoError(t, err)
	return writeFile(t, "resolution.json", string(b))
}

// writeFile writes content to a temporary file and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binary builds dianres once per test run and returns its path, for the
// tests that need a real process: real pipes, the build's VCS stamp.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dianres-test")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "dianres")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = &exec.ExitError{Stderr: out}
		}
	})
	require.NoError(t, buildErr)
	return builtBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}

// screen replays what a terminal shows for out: "\r" returns to the start
// of the line, ESC[K erases to its end, later characters overwrite.
func screen(out string) []string {
	var lines []string
	var cur []rune
	col := 0
	rs := []rune(out)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\n':
			lines = append(lines, string(cur))
			cur, col = nil, 0
		case rs[i] == '\r':
			col = 0
		case rs[i] == '\033' && i+2 < len(rs) && rs[i+1] == '[' && rs[i+2] == 'K':
			cur = cur[:col]
			i += 2
		default:
			if col < len(cur) {
				cur[col] = rs[i]
			} else {
				cur = append(cur, rs[i])
			}
			col++
		}
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}
