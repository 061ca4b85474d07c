package main

import (
	"errors"
	"os/exec"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Point 7: progress only on a terminal stderr, never over stdout lines.

func TestProgress(t *testing.T) {
	files := []string{"parse", "--json", td("valid/sample.pdf"), td("valid/one-page.pdf"), td("valid/rows-two-fe-ds.pdf")}
	term := map[string]string{"TERM": "xterm-256color"}
	for _, tc := range []struct {
		name      string
		c         cli
		args      []string
		bar, summ bool
	}{
		{"terminal stderr draws", cli{stderrTTY: true, env: term}, nil, true, true},
		{"piped stderr does not", cli{env: term}, nil, false, true},
		{"TERM=dumb does not", cli{stderrTTY: true, env: map[string]string{"TERM": "dumb"}}, nil, false, true},
		{"--quiet turns bar and summary off", cli{stderrTTY: true, env: term}, []string{"--quiet"}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.c.run(t, append(files, tc.args...)...)
			require.Equal(t, 0, r.code)
			assert.Equal(t, tc.bar, strings.Contains(r.stderr, "3/3"), r.stderr)
			assert.Equal(t, tc.bar, strings.Contains(r.stderr, "\r"))
			assert.Equal(t, tc.summ, strings.Contains(r.stderr, "read 3, failed 0"))
			assert.NotContains(t, r.stdout, "/3", "progress never reaches stdout")
		})
	}
}

// TestProgressClearedBeforeStdout replays a terminal that shows stdout
// and stderr together: every JSON line must stand alone on its line.
func TestProgressClearedBeforeStdout(t *testing.T) {
	args := []string{"parse", "--json", "--workers", "1", td("valid/sample.pdf"), td("valid/one-page.pdf"), td("valid/rows-two-fe-ds.pdf"), td("invalid/image-only.pdf")}
	for _, text := range []bool{false, true} {
		a := args
		if text {
			a = args[:1:1]
			a = append(a, args[2:]...)
		}
		r := cli{stdoutTTY: true, stderrTTY: true, shared: true, env: map[string]string{"TERM": "xterm"}}.run(t, a...)
		require.Equal(t, exitFindings, r.code)
		shown := screen(r.stdout)
		n := 0
		for _, line := range shown {
			if strings.Contains(line, "schema") || strings.Contains(line, "DIAN resolution") || strings.Contains(line, "dianres parse: ") {
				n++
				assert.NotContains(t, line, "[#", "a progress bar left on an output line: %q", line)
			}
		}
		assert.GreaterOrEqual(t, n, 4, "%q", shown)
	}
	// Without the clear the check above would fail: prove the replay sees bars.
	assert.Equal(t, []string{"[###] 1/2{", "x"}, screen("[###] 1/2{\nx"))
	assert.Equal(t, []string{"{"}, screen("[###] 1/2\r\033[K{\n"))
}

// Point 9: conventions.

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		r := runCLI(t, "", args...)
		assert.Equal(t, 0, r.code)
		assert.Regexp(t, `^dianres \S+ .*go1\.\d+`, r.stdout)
	}
	r := runCLI(t, "", "version", "--json")
	assert.Contains(t, r.stdout, `"schema":"dianres/v1","version":`)

	v, rev, gov := versionOf(&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}})
	assert.Equal(t, []string{"v1.2.0", "abc123+dirty", "go1.26.0"}, []string{v, rev, gov})

	// A built binary prints what the Go tool stamped into it.
	bin := binary(t)
	out, err := exec.Command(bin, "--version").Output()
	require.NoError(t, err)
	meta, err := exec.Command("go", "version", "-m", bin).Output()
	require.NoError(t, err)
	if m := regexp.MustCompile(`vcs\.revision=(\w+)`).FindSubmatch(meta); m != nil {
		assert.Contains(t, string(out), string(m[1]))
	} else {
		assert.Regexp(t, `^dianres \(devel\) go1\.\d+`, string(out), "no VCS stamp (GOFLAGS=-buildvcs=false): no revision printed")
	}
}

func TestHelpOnStdout(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"help", "check"}} {
		r := runCLI(t, "", args...)
		assert.Equal(t, 0, r.code, "%v", args)
		assert.Contains(t, r.stdout, "usage: dianres")
		assert.Empty(t, r.stderr)
	}
	for _, c := range commands() {
		r := runCLI(t, "", c.name, "--help")
		assert.Equal(t, 0, r.code, c.name)
		assert.Empty(t, r.stderr, c.name)
		assert.Contains(t, r.stdout, "usage: dianres "+c.name, c.name)
		assert.Contains(t, r.stdout, "Example:", c.name)
		assert.Contains(t, r.stdout, "--lang", "%s lists its flags", c.name)
	}
}

func TestUsageErrorIsOneLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		line string
	}{
		{nil, "dianres: no command given"},
		{[]string{"frobnicate"}, `dianres: unknown command "frobnicate"`},
		{[]string{"check", "--nope", "FE1"}, "dianres check: flag provided but not defined: -nope"},
		{[]string{"check", "--resolution", "r.json"}, "dianres check: no invoice number given"},
		{[]string{"audit", "--resolution", "r.json", "--warn-days", "-3", "-"}, "dianres audit: --warn-percent, --warn-days and --max-list take values >= 0"},
		{[]string{"parse", "--max-size", "lots", "x.pdf"}, `dianres parse: invalid value "lots" for flag -max-size: want a size such as 50MiB`},
	} {
		r := runCLI(t, "", tc.args...)
		assert.Equal(t, exitUsage, r.code, "%v", tc.args)
		assert.Empty(t, r.stdout)
		cmd := "dianres"
		if c := commandOf(tc.args); c != "" {
			cmd += " " + c
		}
		assert.Equal(t, tc.line+"\nsee '"+cmd+" --help'\n", r.stderr)
	}
}

func TestLimitFlags(t *testing.T) {
	r := runCLI(t, "", "parse", "--json", "--max-size", "1KiB", td("valid/sample.pdf"))
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, `"code":"malformed-pdf","message":"the file is larger than the size limit (--max-size, 20 MiB by default)","hint":"If the file is trusted, raise the limit with --max-size`)
	r = runCLI(t, readFile(t, td("valid/sample.pdf")), "parse", "--json", "--max-size", "1KiB", "-")
	assert.Contains(t, r.stdout, `--max-size`, "standard input is bounded too")
	r = runCLI(t, "", "parse", "--json", "--max-size", "50MiB", td("valid/sample.pdf"))
	assert.Equal(t, exitOK, r.code)
	r = runCLI(t, "", "parse", "--json", "--max-pages", "1", td("valid/sample.pdf"))
	assert.Contains(t, r.stdout, `--max-pages`, "page 2 (the table) would go unread: a limit, named with the flag that raises it")
	assert.NotContains(t, r.stdout, `"partial"`, "no short result")
	r = runCLI(t, "", "parse", "--json", "--max-pages", "2", td("valid/sample.pdf"))
	assert.Equal(t, exitOK, r.code)
	r = runCLI(t, "", "check", "--max-size", "1KiB", "--resolution", td("valid/sample.pdf"), "FE1")
	assert.Equal(t, exitInput, r.code)
	assert.Contains(t, r.stderr, "--max-size")
}

func TestPasswordSources(t *testing.T) {
	file := td("invalid/encrypted-rc4-user-password.pdf")
	r := cli{env: map[string]string{"DIANRES_PASSWORD": "secreto"}}.run(t, "parse", "--json", file)
	assert.Equal(t, exitOK, r.code, "the password from the environment")
	r = cli{env: map[string]string{"DIANRES_PASSWORD": "secreto"}}.run(t, "check", "--resolution", file, "--at", "2025-01-31", "FE1")
	assert.Equal(t, exitOK, r.code, "every command reads it")

	var asked []string
	prompt := func(msg string) (string, error) { asked = append(asked, msg); return "secreto", nil }
	r = cli{prompt: prompt}.run(t, "parse", "--json", file)
	assert.Equal(t, exitOK, r.code, "asked on the terminal")
	assert.Equal(t, []string{"Password of the PDF: "}, asked)
	r = cli{prompt: prompt, env: map[string]string{"LANG": "es_CO.UTF-8"}}.run(t, "check", "--resolution", file, "--at", "2025-01-31", "FE1")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, "Contraseña del PDF: ", asked[1])

	asked = nil
	r = cli{prompt: prompt}.run(t, "parse", "--json", "--password", "clave", file)
	assert.Contains(t, r.stdout, `"code":"wrong-password"`, "a wrong password given is not asked again")
	assert.Empty(t, asked)
	r = cli{prompt: func(string) (string, error) { return "", errors.New("no tty") }}.run(t, "parse", "--json", file)
	assert.Contains(t, r.stdout, `"code":"encrypted"`)

	got, err := readLine(strings.NewReader("secreto\r\nrest"))
	require.NoError(t, err)
	assert.Equal(t, "secreto", got)
}
