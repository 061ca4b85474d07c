package main

func runAudit(e *env, args []string) int {
	e.stderr.Write([]byte("dianres audit: not implemented yet\n"))
	return 2
}
