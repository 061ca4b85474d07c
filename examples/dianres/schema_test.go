package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file holds a validator for the subset of JSON Schema (2020-12)
// that docs/dianres.schema.json uses: $ref to "#/$defs/…", oneOf, anyOf,
// type, const, enum, properties, required, additionalProperties (false
// or a schema), items, pattern, minimum, minLength. Any other keyword
// fails validation, so the schema cannot use one this file would ignore.
// Twenty-odd lines of logic do not earn a dependency.

var annotations = map[string]bool{"$schema": true, "$id": true, "title": true, "description": true, "$defs": true}

type schemaDoc struct{ root map[string]any }

var (
	loadSchemaOnce sync.Once
	loadedSchema   *schemaDoc
	loadSchemaErr  error
)

func loadSchema(t testing.TB) *schemaDoc {
	loadSchemaOnce.Do(func() {
		b, err := os.ReadFile("../../docs/dianres.schema.json")
		if err != nil {
			loadSchemaErr = err
			return
		}
		var root map[string]any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		loadSchemaErr = dec.Decode(&root)
		loadedSchema = &schemaDoc{root}
	})
	require.NoError(t, loadSchemaErr)
	return loadedSchema
}

// validateLine checks one JSON text against $defs/def ("" is the root).
func (s *schemaDoc) validateLine(line []byte, def string) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	var sch any = s.root
	if def != "" {
		sch = map[string]any{"$ref": "#/$defs/" + def}
	}
	return s.validate(v, sch, "$")
}

func (s *schemaDoc) validate(v, schema any, path string) error {
	sch, ok := schema.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: schema is not an object", path)
	}
	keys := make([]string, 0, len(sch))
	for k := range sch {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic messages
	for _, k := range keys {
		arg := sch[k]
		if annotations[k] {
			continue
		}
		var err error
		switch k {
		case "$ref":
			ref, _ := arg.(string)
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			target := s.root["$defs"].(map[string]any)[name]
			if !ok || target == nil {
				return fmt.Errorf("%s: unresolved $ref %q", path, ref)
			}
			err = s.validate(v, target, path)
		case "oneOf", "anyOf":
			n, errs := 0, []string{}
			for _, sub := range arg.([]any) {
				if e := s.validate(v, sub, path); e == nil {
					n++
				} else {
					errs = append(errs, e.Error())
				}
			}
			if n == 0 || (k == "oneOf" && n > 1) {
				err = fmt.Errorf("%s: %d of %s match: %s", path, n, k, strings.Join(errs, "; "))
			}
		case "type":
			types, ok := arg.([]any)
			if !ok {
				types = []any{arg}
			}
			match := false
			for _, ty := range types {
				match = match || hasType(v, ty.(string))
			}
			if !match {
				err = fmt.Errorf("%s: %v is not of type %v", path, v, arg)
			}
		case "const":
			if !jsonEqual(v, arg) {
				err = fmt.Errorf("%s: %v is not %v", path, v, arg)
			}
		case "enum":
			found := false
			for _, e := range arg.([]any) {
				found = found || jsonEqual(v, e)
			}
			if !found {
				err = fmt.Errorf("%s: %v not in %v", path, v, arg)
			}
		case "properties", "additionalProperties", "required":
			obj, ok := v.(map[string]any)
			if !ok {
				continue // "type" reports it
			}
			props, _ := sch["properties"].(map[string]any)
			switch k {
			case "properties":
				for name, sub := range props {
					if pv, ok := obj[name]; ok {
						if err = s.validate(pv, sub, path+"."+name); err != nil {
							break
						}
					}
				}
			case "required":
				for _, r := range arg.([]any) {
					if _, ok := obj[r.(string)]; !ok {
						err = fmt.Errorf("%s: missing %q", path, r)
						break
					}
				}
			case "additionalProperties":
				for name, pv := range obj {
					if _, ok := props[name]; ok {
						continue
					}
					if b, ok := arg.(bool); ok {
						if !b {
							err = fmt.Errorf("%s: unexpected field %q", path, name)
						}
					} else {
						err = s.validate(pv, arg, path+"."+name)
					}
					if err != nil {
						break
					}
				}
			}
		case "items":
			if arr, ok := v.([]any); ok {
				for i, item := range arr {
					if err = s.validate(item, arg, fmt.Sprintf("%s[%d]", path, i)); err != nil {
						break
					}
				}
			}
		case "pattern":
			if str, ok := v.(string); ok && !regexp.MustCompile(arg.(string)).MatchString(str) {
				err = fmt.Errorf("%s: %q does not match %s", path, str, arg)
			}
		case "minLength":
			min, _ := arg.(json.Number).Int64()
			if str, ok := v.(string); ok && int64(len([]rune(str))) < min {
				err = fmt.Errorf("%s: %q shorter than %d", path, str, min)
			}
		case "minimum":
			if n, ok := v.(json.Number); ok {
				got, _ := n.Float64()
				want, _ := arg.(json.Number).Float64()
				if got < want {
					err = fmt.Errorf("%s: %v below %v", path, n, arg)
				}
			}
		default:
			return fmt.Errorf("%s: keyword %q is not supported by this validator", path, k)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func hasType(v any, ty string) bool {
	switch ty {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := n.Int64()
		return err == nil
	}
	return false
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

// TestSchemaValidator proves the validator rejects what it must: a
// validation that always passed would make every contract test vacuous.
func TestSchemaValidator(t *testing.T) {
	s := loadSchema(t)
	good := `{"schema":"dianres/v1","legend":"Resolución DIAN No. 1","index":1,"prefix":"FE"}`
	require.NoError(t, s.validateLine([]byte(good), "legend"))
	require.NoError(t, s.validateLine([]byte(good), ""), "the root accepts every kind of line")
	for _, tc := range []struct{ name, line, def, want string }{
		{"wrong schema value", `{"schema":"dianres/v2","legend":"x","index":1,"prefix":""}`, "legend", "is not"},
		{"missing field", `{"schema":"dianres/v1","legend":"x","prefix":""}`, "legend", `missing "index"`},
		{"extra field", `{"schema":"dianres/v1","legend":"x","index":1,"prefix":"","file":"a"}`, "legend", `unexpected field "file"`},
		{"wrong type", `{"schema":"dianres/v1","legend":"x","index":"1","prefix":""}`, "legend", "not of type"},
		{"below minimum", `{"schema":"dianres/v1","legend":"x","index":0,"prefix":""}`, "legend", "below"},
		{"empty string", `{"schema":"dianres/v1","legend":"","index":1,"prefix":""}`, "legend", "shorter"},
		{"not an integer", `{"schema":"dianres/v1","legend":"x","index":1.5,"prefix":""}`, "legend", "not of type"},
		{"unknown enum", `{"schema":"dianres/v1","file":"a","error":{"code":"oops","message":"m"}}`, "parse", "0 of oneOf"},
		{"bad pattern", `{"schema":"dianres/v1","id":"FE1","ok":false,"prefix":"FE","number":1,"warnings":[],
			"findings":[{"code":"gap","rule":"","field":"number","resolution":"","found":"","message":"m"}]}`, "check", "does not match"},
		{"a line of another command", good, "check", "0 of oneOf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.validateLine([]byte(tc.line), tc.def)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	err := s.validate("x", map[string]any{"format": "date"}, "$")
	assert.ErrorContains(t, err, "not supported", "a keyword the validator does not know fails instead of passing")
}
