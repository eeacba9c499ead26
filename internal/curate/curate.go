// Package curate runs one document's curation against a store: it opens
// the curation from the document's layers and its gold layer's record,
// applies the curator's decisions, and gives the gold layer to store after
// each one (the layer holds its spans and its decisions, so both are
// written together, all or none).
package curate

import (
	"encoding/json"
	"errors"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/curation"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Gold is the name of the gold layer a curation writes.
const Gold = "gold"

// Session is one document's curation: its layers aligned, the decisions
// in force and the gold they make.
type Session struct {
	st     store.Store
	id     string
	who    string
	now    func() time.Time
	doc    *align.Doc
	names  []string
	schema *corpus.Schema
	agree  int
	c      *curation.Curation
	stored *corpus.CurationInfo // the record's summary as last read or stored
	gold   []corpus.Span        // the gold spans as last read or stored
}

// Options say how a session opens.
type Options struct {
	// Own names the user (the annotator name): their own spans are the
	// layer of this name, when they have any, and they make the decisions.
	Own string
	// Schema, when set, lists the labels an edit may use.
	Schema *corpus.Schema
	// Now gives the time of a decision (time.Now when nil).
	Now func() time.Time
}

// Open reads document id's curation from st. The layers curated are the
// ones its gold record names, when they all still exist; otherwise every
// human layer, with the document's own spans first as the layer named
// o.Own when it has any (and no stored layer has that name). Earlier
// decisions are applied; those whose unit changed are reported by Stale.
// It fails with fewer than two layers to curate.
func Open(st store.Store, id string, o Options) (*Session, error) {
	docs, err := st.Read([]string{id})
	if err != nil {
		return nil, err
	}
	d := docs[0]
	infos, err := st.Layers(id)
	if err != nil {
		return nil, err
	}
	s := &Session{st: st, id: id, who: o.Own, now: o.Now, schema: o.Schema}
	if s.now == nil {
		s.now = time.Now
	}
	if s.who == "" {
		s.who = "curator"
	}
	var decisions []curation.Decision
	var gold *corpus.Curation
	if slices.ContainsFunc(infos, func(in corpus.LayerInfo) bool { return in.Name == Gold && in.Curation != nil }) {
		g, err := st.Layer(id, Gold)
		if err != nil {
			return nil, err
		}
		gold, s.gold = g.Curation, g.Spans
		if len(gold.Decisions) > 0 {
			if err := json.Unmarshal(gold.Decisions, &decisions); err != nil {
				return nil, locale.Errorf("document %s: the stored curation is damaged: %v", id, err)
			}
		}
		s.agree, s.stored = gold.Agree, &gold.CurationInfo
	}
	has := func(name string) bool {
		return slices.ContainsFunc(infos, func(in corpus.LayerInfo) bool { return in.Name == name && in.Kind == corpus.LayerHuman })
	}
	ownOK := len(d.Spans) > 0 && !slices.ContainsFunc(infos, func(in corpus.LayerInfo) bool { return in.Name == o.Own })
	if gold != nil && len(gold.Layers) >= 2 && !slices.ContainsFunc(gold.Layers, func(n string) bool { return !has(n) && !(n == o.Own && ownOK) }) {
		s.names = slices.Clone(gold.Layers)
	} else {
		if ownOK && o.Own != "" {
			s.names = append(s.names, o.Own)
		}
		for _, in := range infos {
			if in.Kind == corpus.LayerHuman {
				s.names = append(s.names, in.Name)
			}
		}
	}
	if len(s.names) < 2 {
		return nil, locale.Errorf("document %s has fewer than two annotators' layers to curate", id)
	}
	s.doc = &align.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Digest: d.Digest, Length: utf8.RuneCountInString(d.Text), Spans: make([][]corpus.Span, len(s.names))}
	for i, n := range s.names {
		if n == o.Own && ownOK {
			s.doc.Spans[i] = d.Spans
			continue
		}
		l, err := st.Layer(id, n)
		if err != nil {
			return nil, err
		}
		s.doc.Spans[i] = l.Spans
	}
	if s.agree > len(s.names) {
		s.agree = 0
	}
	s.c, err = curation.New(s.doc, s.names, curation.Settings{Agree: s.agree, Schema: s.schema}, decisions)
	return s, err
}

// Curation returns the curation in force, for reading.
func (s *Session) Curation() *curation.Curation { return s.c }

// Layers returns the names of the layers curated, in order.
func (s *Session) Layers() []string { return s.names }

// Text returns the document's text.
func (s *Session) Text() string { return s.doc.Text }

// Title returns the document's title.
func (s *Session) Title() string { return s.doc.Title }

// Agree returns how many layers must agree for a unit to merge by itself (0: all).
func (s *Session) Agree() int { return s.agree }

// Fresh reports whether the store's gold layer is not the one this session
// would write (none yet, or the layers changed since): the caller stores
// Put once it has shown the curation.
func (s *Session) Fresh() bool {
	if s.stored == nil || !equalInfo(*s.stored, s.info()) {
		return true
	}
	gold, err := s.c.Gold(s.who)
	return err != nil || !slices.EqualFunc(gold, s.gold, func(a, b corpus.Span) bool {
		return a.Start == b.Start && a.End == b.End && a.Label == b.Label
	})
}

func equalInfo(a, b corpus.CurationInfo) bool {
	return a.Agree == b.Agree && a.Units == b.Units && a.Open == b.Open && slices.Equal(a.Layers, b.Layers) && slices.Equal(a.Curators, b.Curators)
}

// Decide applies d in memory, with the session's curator and the time now
// when d names none, and returns the gold layer to store.
func (s *Session) Decide(d curation.Decision) (store.LayerPut, error) {
	if d.Who == "" {
		d.Who = s.who
	}
	if d.When.IsZero() {
		d.When = s.now().UTC()
	}
	if err := s.c.Decide(d); err != nil {
		return store.LayerPut{}, err
	}
	return s.Put()
}

// Undo removes the decision on unit key in memory and returns the gold
// layer to store.
func (s *Session) Undo(key string) (store.LayerPut, error) {
	if err := s.c.Undo(key); err != nil {
		return store.LayerPut{}, err
	}
	return s.Put()
}

// SetAgree merges again requiring k layers to agree (0: all), keeping the
// decisions, and returns the gold layer to store.
func (s *Session) SetAgree(k int) (store.LayerPut, error) {
	c, err := curation.New(s.doc, s.names, curation.Settings{Agree: k, Schema: s.schema}, s.c.Decisions())
	if err != nil {
		return store.LayerPut{}, err
	}
	s.c, s.agree = c, k
	return s.Put()
}

// info is the summary of the curation in force.
func (s *Session) info() corpus.CurationInfo {
	info := corpus.CurationInfo{Layers: slices.Clone(s.names), Agree: s.agree, Units: len(s.c.Units()), Open: s.c.OpenUnits()}
	for _, u := range s.c.Units() {
		if u.Decision != nil && !slices.Contains(info.Curators, u.Decision.Who) {
			info.Curators = append(info.Curators, u.Decision.Who)
		}
	}
	slices.Sort(info.Curators)
	return info
}

// Put returns the gold layer of the curation in force: the gold so far
// (each span's annotator the session's curator) with the curation's record.
func (s *Session) Put() (store.LayerPut, error) {
	spans, err := s.c.Gold(s.who)
	if err != nil {
		return store.LayerPut{}, err
	}
	decisions, err := json.Marshal(nonNil(s.c.Decisions()))
	if err != nil {
		return store.LayerPut{}, err
	}
	l := corpus.Layer{Name: Gold, Kind: corpus.LayerGold, Spans: spans,
		Curation: &corpus.Curation{CurationInfo: s.info(), Decisions: decisions}}
	return store.LayerPut{Doc: s.id, Layer: l}, nil
}

func nonNil(d []curation.Decision) []curation.Decision {
	if d == nil {
		return []curation.Decision{}
	}
	return d
}

// Keep stores put (what Decide, Undo, SetAgree or Put returned) in the
// session's store; the session then knows the record stored.
func (s *Session) Keep(put store.LayerPut) error {
	if put.Doc != s.id || put.Layer.Curation == nil {
		return errors.New("curate: not this session's gold layer")
	}
	if err := s.st.PutLayers([]store.LayerPut{put}); err != nil {
		return err
	}
	info := put.Layer.Curation.CurationInfo
	s.stored, s.gold = &info, put.Layer.Spans
	return nil
}

// Apply decides d and stores the gold layer; should storage fail, the
// session is as it was before (the stored record too) and the error is
// returned.
func (s *Session) Apply(d curation.Decision) error {
	return s.change(func() (store.LayerPut, error) { return s.Decide(d) })
}

// Revert undoes the decision on unit key and stores the gold layer, all
// or nothing as Apply.
func (s *Session) Revert(key string) error {
	return s.change(func() (store.LayerPut, error) { return s.Undo(key) })
}

func (s *Session) change(f func() (store.LayerPut, error)) error {
	before := s.c.Decisions()
	put, err := f()
	if err == nil {
		err = s.Keep(put)
	}
	if err != nil {
		c, rerr := curation.New(s.doc, s.names, curation.Settings{Agree: s.agree, Schema: s.schema}, before)
		if rerr == nil {
			s.c = c
		}
	}
	return err
}
