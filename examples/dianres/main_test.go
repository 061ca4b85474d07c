package main

import (
	"bytes"
	"strings"
)

// runCLI runs the command in-process, as a user's shell would, with
// stdin given and stdout and stderr captured.
func runCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}
