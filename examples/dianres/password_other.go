//go:build !linux

package main

import "os"

// readPassword reads one line from the terminal f. Outside Linux the
// typed characters are echoed; use DIANRES_PASSWORD to avoid that.
func readPassword(f *os.File) (string, error) { return readLine(f) }
