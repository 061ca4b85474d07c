package main

func runInvoice(e *env, args []string) int {
	e.stderr.Write([]byte("dianres invoice: not implemented yet\n"))
	return 2
}
