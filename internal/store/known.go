package store

import (
	"fmt"

	"github.com/raqim/raqim/internal/corpus"
)

// Known indexes the documents of a store by ID and by content, so that an
// import adds only documents not stored yet.
type Known struct {
	ids     map[string]string // ID → digest
	digests map[string]string // digest → ID
}

// NewKnown returns the index of the documents summarised in sums.
func NewKnown(sums []corpus.Summary) *Known {
	k := &Known{ids: make(map[string]string, len(sums)), digests: make(map[string]string, len(sums))}
	for _, s := range sums {
		k.ids[s.ID] = s.Digest
		k.digests[s.Digest] = s.ID
	}
	return k
}

// Has reports whether d is stored already, by ID or by text.
func (k *Known) Has(d corpus.Document) bool {
	if d.Digest == "" {
		d.Digest = corpus.DigestOf(d.Text)
	}
	_, ok := k.digests[d.Digest]
	_, taken := k.ids[d.ID]
	return ok || taken
}

// Add stores in st the documents of docs not known yet, all or none, and
// indexes them. A document whose text is known, or given before it in
// docs, is skipped; one whose ID is taken by another text is stored under
// "ID-2" (or -3, …). first is the ID of the first document given, as stored
// now or before; added are the IDs of the documents stored now.
func (k *Known) Add(st Store, docs []corpus.Document) (added []string, skipped int, first string, err error) {
	fresh := make([]corpus.Document, 0, len(docs))
	taken := make(map[string]bool)   // IDs given in this call
	texts := make(map[string]string) // digest → ID, of the texts given in this call
	for _, d := range docs {
		if d.Digest == "" {
			d.Digest = corpus.DigestOf(d.Text)
		}
		prev, ok := k.digests[d.Digest]
		if !ok {
			prev, ok = texts[d.Digest]
		}
		if ok {
			if first == "" {
				first = prev
			}
			skipped++
			continue
		}
		if k.taken(d.ID) || taken[d.ID] {
			base := d.ID
			for n := 2; k.taken(d.ID) || taken[d.ID]; n++ {
				d.ID = fmt.Sprintf("%s-%d", base, n)
			}
		}
		if first == "" {
			first = d.ID
		}
		taken[d.ID] = true
		texts[d.Digest] = d.ID
		fresh = append(fresh, d)
	}
	if err := st.Add(fresh); err != nil {
		return nil, 0, "", err
	}
	added = make([]string, len(fresh))
	for i, d := range fresh {
		k.ids[d.ID], k.digests[d.Digest] = d.Digest, d.ID
		added[i] = d.ID
	}
	return added, skipped, first, nil
}

// Stored returns the ID of the stored document whose text has digest, if any.
func (k *Known) Stored(digest string) (id string, ok bool) {
	id, ok = k.digests[digest]
	return id, ok
}

func (k *Known) taken(id string) bool {
	_, ok := k.ids[id]
	return ok
}

// Forget drops documents from the index, after they were removed from the
// store.
func (k *Known) Forget(ids ...string) {
	for _, id := range ids {
		if dg, ok := k.ids[id]; ok {
			delete(k.ids, id)
			if k.digests[dg] == id {
				delete(k.digests, dg)
			}
		}
	}
}
