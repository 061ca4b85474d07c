package main

func runParse(e *env, args []string) int {
	e.stderr.Write([]byte("dianres parse: not implemented yet\n"))
	return 2
}
