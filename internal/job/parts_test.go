package job

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/agreement"
)

// TestSplitJoin checks that a reply split into its head and parts, each
// through JSON as between the worker and the page, joins back to the
// reply, and that the reply split is left whole.
func TestSplitJoin(t *testing.T) {
	r := Reply{
		Agreement:         &agreement.Report{Documents: 1201, Layers: []string{"a", "b"}, PerDocument: make([]agreement.DocPart, 1201)},
		Disagreements:     []agreement.DocDisagreements{{Doc: "d1"}},
		DisagreementUnits: 3,
		Score:             &agreement.ScoreReport{Documents: 2, Errors: []agreement.ScoreError{{Doc: "d2"}}, PerDocument: []agreement.DocScore{{ID: "d2"}}},
	}
	for i := range r.Agreement.PerDocument {
		r.Agreement.PerDocument[i].ID = fmt.Sprint("document-", i, strings.Repeat("x", 50)) // 1,201 documents: two parts or more, in order
	}
	before, _ := json.Marshal(r)
	head, parts := r.Split()
	if after, _ := json.Marshal(r); string(after) != string(before) {
		t.Fatal("Split changed the reply split")
	}
	perDoc := 0
	for _, p := range parts {
		if p.Of == "agreement.per_document" {
			perDoc++
		}
	}
	if len(parts) != perDoc+3 || perDoc < 2 || head.Agreement.PerDocument != nil || head.Disagreements != nil || head.Score.Errors != nil || head.Score.PerDocument != nil {
		t.Fatalf("head %+v, %d parts", head, len(parts))
	}
	b, _ := json.Marshal(head)
	var got Reply
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		b, _ := json.Marshal(p)
		var q Part
		json.Unmarshal(b, &q)
		if err := got.Join(q); err != nil {
			t.Fatal(err)
		}
	}
	var want Reply
	json.Unmarshal(before, &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("joined:\n%+v\nwant\n%+v", got, want)
	}
	if err := (&Reply{}).Join(Part{Of: "agreement.per_document", JSON: "[]"}); err == nil {
		t.Error("a part of an agreement joined a reply without one")
	}
	if _, parts := (Reply{Error: "x"}).Split(); len(parts) != 0 {
		t.Errorf("a reply without lists gave %d parts", len(parts))
	}
}
