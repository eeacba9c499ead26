// Package propagation keeps the labels a user asked to propagate to the
// whole corpus ("label every mention"): a small dictionary of texts and
// their labels, stored in the store as one model record and handed to the
// suggestion engine (suggest.Options.Corpus), which proposes each on every
// mention of its text, clitic-aware, in every document.
package propagation

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/phrase"
	"github.com/raqim/raqim/internal/store"
)

// Key is the name of the model record holding the dictionary.
const Key = "propagation"

// Entry is a text whose every mention is proposed with Label.
type Entry struct {
	Text  string       `json:"text"`
	Label corpus.Label `json:"label"`
}

// Dict is the corpus's propagated labels: one entry per folded text, in
// the order they were first given.
type Dict struct {
	Entries []Entry `json:"entries"`
}

// Add gives text the label l: a new entry, or the entry of the same
// folded text relabelled; false when text has no words or already has l.
func (d *Dict) Add(text string, l corpus.Label) bool {
	key := fold.Keys(text)
	if strings.TrimSpace(key) == "" {
		return false
	}
	for i, e := range d.Entries {
		if fold.Keys(e.Text) == key {
			if e.Label == l {
				return false
			}
			d.Entries[i].Label = l
			return true
		}
	}
	d.Entries = append(d.Entries, Entry{Text: text, Label: l})
	return true
}

// Documents returns the dictionary as documents whose one span is their
// whole text, for suggest.Options.Corpus.
func (d Dict) Documents() []corpus.Document {
	out := make([]corpus.Document, len(d.Entries))
	for i, e := range d.Entries {
		out[i] = corpus.Document{Text: e.Text, Spans: []corpus.Span{{Start: 0, End: utf8.RuneCountInString(e.Text), Label: e.Label}}}
	}
	return out
}

// Load returns the dictionary stored in st (empty when none is).
func Load(st store.Store) (Dict, error) {
	var d Dict
	data, err := st.Model(Key)
	if err != nil || data == nil {
		return d, err
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return Dict{}, locale.Errorf("the stored propagated labels are damaged: %v", err)
	}
	return d, nil
}

// Save stores d in st.
func (d Dict) Save(st store.Store) error {
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return st.PutModel(Key, data)
}

// Count is how many mentions of a text the corpus holds outside the
// document it was labelled in.
type Count struct {
	Mentions int `json:"mentions"`
	Docs     int `json:"docs"`
}

// Mentions counts the mentions of e's text in st's documents other than
// the document except, matched as the engine matches them (whole words,
// the first read clitic-aware), reading the texts a run at a time.
func Mentions(st store.Store, e Entry, except string) (Count, error) {
	var c Count
	var d phrase.Dict[corpus.Label]
	if !d.Add(e.Text, e.Label) {
		return c, nil
	}
	sums, err := st.List()
	if err != nil {
		return c, err
	}
	const run = 50
	for i := 0; i < len(sums); i += run {
		var ids []string
		for _, s := range sums[i:min(i+run, len(sums))] {
			if s.ID != except {
				ids = append(ids, s.ID)
			}
		}
		texts, err := st.Texts(ids)
		if err != nil {
			return c, err
		}
		for _, t := range texts {
			if n := len(d.Find(fold.New(t), nil)); n > 0 {
				c.Mentions += n
				c.Docs++
			}
		}
	}
	return c, nil
}
