package main

func runCheck(e *env, args []string) int {
	e.stderr.Write([]byte("dianres check: not implemented yet\n"))
	return 2
}
