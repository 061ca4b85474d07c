package layouts

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dianres/dianres/resolution"
)

// ParseTimeout bounds one document's parse in ParseDoc.
const ParseTimeout = 20 * time.Second

// ParseDoc parses pdf with the public API and returns what a caller can
// use: the resolution, or with ErrIncomplete the partial one beside it;
// nil otherwise. A panic is returned as an error, so that one bad
// document does not stop a scoring run.
func ParseDoc(ctx context.Context, pdf []byte) (res *resolution.Resolution, err error) {
	ctx, cancel := context.WithTimeout(ctx, ParseTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("layouts: parser panicked: %v", p)
		}
	}()
	res, err = resolution.ParseBytes(ctx, pdf, nil)
	if err != nil && !errors.Is(err, resolution.ErrIncomplete) {
		res = nil
	}
	return res, err
}
