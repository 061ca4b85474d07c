package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/dianres/dianres/resolution"
)

// loadResolution reads --resolution: a formato 1876 PDF, or the JSON that
// 'dianres parse --json' prints.
func loadResolution(ctx context.Context, path string) (*resolution.Resolution, error) {
	if path == "" {
		return nil, fmt.Errorf("--resolution is required")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		var r resolution.Resolution
		dec := json.NewDecoder(bytes.NewReader(t))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return nil, fmt.Errorf("%s: not a resolution JSON: %w", path, err)
		}
		return &r, nil
	}
	return resolution.ParseBytes(ctx, b, nil)
}
