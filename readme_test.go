package dianres_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeSnippets keeps every Go snippet of the README compiled and
// run: each must be, line for line, the body of a function in a
// readme_example_test.go, whose Example_readme runs it with // Output.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	require.GreaterOrEqual(t, len(blocks), 4)

	var examples strings.Builder
	files, err := filepath.Glob("*/readme_example_test.go")
	require.NoError(t, err)
	require.Len(t, files, 3)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(b), "\n") {
			examples.WriteString(strings.TrimPrefix(line, "\t") + "\n") // function bodies, dedented once
		}
	}
	for _, b := range blocks {
		assert.Contains(t, examples.String(), b[1], "README snippet not found in any readme_example_test.go:\n%s", b[1])
	}
}

// TestGoroutineSafetyDocumented: every exported function and type of the
// public packages is named in its package's "# Concurrency" section, or
// says itself whether it is safe for concurrent use.
func TestGoroutineSafetyDocumented(t *testing.T) {
	for _, dir := range []string{"resolution", "validate", "prefix"} {
		t.Run(dir, func(t *testing.T) {
			fset := token.NewFileSet()
			pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
			require.NoError(t, err)
			var files []*ast.File
			for _, f := range pkgs[dir].Files {
				files = append(files, f)
			}
			p, err := doc.NewFromFiles(fset, files, "github.com/dianres/dianres/"+dir)
			require.NoError(t, err)
			_, section, ok := strings.Cut(p.Doc, "# Concurrency")
			require.True(t, ok, "package %s has a # Concurrency section", dir)
			section, _, _ = strings.Cut(section, "\n# ")
			says := func(name, comment string) {
				if strings.Contains(section, "["+name+"]") || strings.Contains(comment, "concurrent") || strings.Contains(comment, "goroutine") {
					return
				}
				t.Errorf("%s.%s: no word on goroutine safety", dir, name)
			}
			for _, f := range p.Funcs {
				says(f.Name, f.Doc)
			}
			for _, ty := range p.Types {
				says(ty.Name, ty.Doc)
				for _, f := range ty.Funcs { // constructors
					says(f.Name, f.Doc)
				}
			}
		})
	}
}
