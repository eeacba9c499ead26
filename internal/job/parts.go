package job

import (
	"encoding/json"
	"fmt"
)

// A reply travels from the worker to the page as JSON, its long lists (a
// measure's figures per document and its disagreements, a score's errors
// and figures per document) apart, so that the page decodes each in a task
// of its own: decoded whole, the agreement of 2,000 documents held the
// page's thread for 70–100 ms.

// Part is one of a reply's long lists, as JSON.
type Part struct {
	Of   string `json:"of"` // which list: see Split
	JSON string `json:"json"`
}

// partSize is about the most JSON one Part holds (one element may make it
// more): a few milliseconds of decoding on a slow machine.
const partSize = 64 << 10

// Split returns r without its long lists, and each list that is not
// empty as Parts of about partSize bytes, in order.
func (r Reply) Split() (head Reply, parts []Part) {
	head = r
	if a := r.Agreement; a != nil && len(a.PerDocument) > 0 {
		parts = appendParts(parts, "agreement.per_document", a.PerDocument)
		c := *a
		c.PerDocument = nil
		head.Agreement = &c
	}
	if len(r.Disagreements) > 0 {
		parts = appendParts(parts, "disagreements", r.Disagreements)
		head.Disagreements = nil
	}
	if s := r.Score; s != nil && (len(s.Errors) > 0 || len(s.PerDocument) > 0) {
		c := *s
		if len(s.Errors) > 0 {
			parts = appendParts(parts, "score.errors", s.Errors)
			c.Errors = nil
		}
		if len(s.PerDocument) > 0 {
			parts = appendParts(parts, "score.per_document", s.PerDocument)
			c.PerDocument = nil
		}
		head.Score = &c
	}
	return head, parts
}

// appendParts appends list to parts as Parts of of, each a JSON array of
// about partSize bytes.
func appendParts[T any](parts []Part, of string, list []T) []Part {
	var b []byte
	flush := func() {
		parts = append(parts, Part{Of: of, JSON: string(append(b, ']'))})
		b = b[:0]
	}
	for _, x := range list {
		e, err := json.Marshal(x)
		if err != nil {
			panic(err) // our own types
		}
		if len(b) == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		b = append(b, e...)
		if len(b) >= partSize {
			flush()
		}
	}
	if len(b) > 0 {
		flush()
	}
	return parts
}

// Join decodes p into r, the head Split returned, decoded, appending it
// to the list it is part of.
func (r *Reply) Join(p Part) error {
	var err error
	ok := true
	switch p.Of {
	case "agreement.per_document":
		ok = r.Agreement != nil
		if ok {
			err = join(&r.Agreement.PerDocument, p.JSON)
		}
	case "disagreements":
		err = join(&r.Disagreements, p.JSON)
	case "score.errors":
		ok = r.Score != nil
		if ok {
			err = join(&r.Score.Errors, p.JSON)
		}
	case "score.per_document":
		ok = r.Score != nil
		if ok {
			err = join(&r.Score.PerDocument, p.JSON)
		}
	default:
		ok = false
	}
	if !ok {
		return fmt.Errorf("a reply's part %q has no place in it", p.Of)
	}
	return err
}

// join appends the list that data holds to *list.
func join[T any](list *[]T, data string) error {
	var more []T
	if err := json.Unmarshal([]byte(data), &more); err != nil {
		return err
	}
	*list = append(*list, more...)
	return nil
}
