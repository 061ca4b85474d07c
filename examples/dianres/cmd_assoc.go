package main

func runAssoc(e *env, args []string) int {
	e.stderr.Write([]byte("dianres assoc: not implemented yet\n"))
	return 2
}
