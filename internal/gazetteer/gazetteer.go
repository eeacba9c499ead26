// Package gazetteer finds the places of Mali, the Sahel and their
// neighbours in Arabic text: an embedded list of countries, regions,
// cercles, towns, villages and named areas, each with its Arabic spellings,
// an id and its first-level division, matched on folded, clitic-aware keys.
package gazetteer

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/phrase"
)

//go:embed places.tsv
var placesTSV string

// The kinds of entry.
const (
	Country = "country"
	Admin1  = "admin1"
	Admin2  = "admin2"
	Town    = "town"
	Village = "village"
	Area    = "area"
)

var kinds = map[string]bool{Country: true, Admin1: true, Admin2: true, Town: true, Village: true, Area: true}

// Entry is one place.
type Entry struct {
	ID      string   // such as "ml-tombouctou"
	Kind    string   // Country, Admin1, Admin2, Town, Village or Area
	Country string   // ISO 3166-1 alpha-2, empty for areas across borders
	Admin1  string   // first-level division by name, such as "Timbuktu"
	Name    string   // Latin-script name
	Arabic  []string // spellings, the usual one first
	// Context marks a name that is also a common word: it is found only
	// after a place head noun or a locative word.
	Context bool
}

// Gazetteer is a set of places and the dictionary of their spellings.
type Gazetteer struct {
	entries []Entry
	byID    map[string]int
	dict    phrase.Dict[int]
}

// Parse reads a gazetteer in the tab-separated form of places.tsv: id,
// kind, country, admin1, name, spellings separated by "|", and optional
// flags ("ctx"); blank lines and lines starting with # are skipped. Errors
// name the file and the line.
func Parse(name string, r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{byID: make(map[string]int)}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseLine(line)
		if err == nil {
			err = g.add(e)
		}
		if err != nil {
			return nil, &corpus.FileError{File: name, Line: n, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.FileError{File: name, Err: err}
	}
	return g, nil
}

func parseLine(line string) (Entry, error) {
	f := strings.Split(line, "\t")
	if len(f) < 6 || len(f) > 7 {
		return Entry{}, fmt.Errorf("want 6 or 7 tab-separated fields (id, kind, country, admin1, name, arabic[, flags]), have %d", len(f))
	}
	e := Entry{ID: f[0], Kind: f[1], Country: f[2], Admin1: f[3], Name: f[4]}
	switch {
	case e.ID == "":
		return e, fmt.Errorf("empty id")
	case !kinds[e.Kind]:
		return e, fmt.Errorf("%s: unknown kind %q (want country, admin1, admin2, town, village or area)", e.ID, e.Kind)
	case e.Name == "":
		return e, fmt.Errorf("%s: empty name", e.ID)
	}
	for _, s := range strings.Split(f[5], "|") {
		if s = strings.TrimSpace(s); s != "" {
			e.Arabic = append(e.Arabic, s)
		}
	}
	if len(e.Arabic) == 0 {
		return e, fmt.Errorf("%s: no Arabic spelling", e.ID)
	}
	if len(f) == 7 {
		switch f[6] {
		case "":
		case "ctx":
			e.Context = true
		default:
			return e, fmt.Errorf("%s: unknown flag %q (want ctx)", e.ID, f[6])
		}
	}
	return e, nil
}

func (g *Gazetteer) add(e Entry) error {
	if _, dup := g.byID[e.ID]; dup {
		return fmt.Errorf("duplicate id %q", e.ID)
	}
	i := len(g.entries)
	g.entries = append(g.entries, e)
	g.byID[e.ID] = i
	for _, s := range e.Arabic {
		g.dict.Add(s, i) // a spelling shared with an earlier entry keeps it
	}
	return nil
}

var loadDefault = sync.OnceValue(func() *Gazetteer {
	g, err := Parse("places.tsv", strings.NewReader(placesTSV))
	if err != nil {
		panic("gazetteer: " + err.Error()) // embedded data; covered by tests
	}
	return g
})

// Default returns the embedded gazetteer, parsed once; it must not be modified.
func Default() *Gazetteer { return loadDefault() }

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries returns the entries in file order; the slice must not be modified.
func (g *Gazetteer) Entries() []Entry { return g.entries }

// ByID returns the entry with the given id.
func (g *Gazetteer) ByID(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Lookup returns the entry one of whose spellings s is, compared folded and
// clitic-aware (بتمبكتو and تومبكتو find Tombouctou), ignoring a place head
// noun before it (ولاية كاي finds Kayes).
func (g *Gazetteer) Lookup(s string) (Entry, bool) {
	t := fold.New(s)
	for first := 0; first < len(t.Words) && first < 2; first++ {
		m, ok := g.dict.At(t, first)
		if ok && m.Last == lastWord(t) {
			return g.entries[m.Value], true
		}
		if !IsHeadNoun(t.Words[first].Key) {
			break
		}
	}
	return Entry{}, false
}

// lastWord returns the index of t's last word that is not punctuation.
func lastWord(t *fold.Text) int {
	for i := len(t.Words) - 1; i >= 0; i-- {
		if !t.Words[i].Punct {
			return i
		}
	}
	return -1
}

// Hit is a place found in a text.
type Hit struct {
	Start, End  int // code points, the proclitics and head noun outside
	First, Last int // word indices
	Entry       *Entry
}

// Find returns the places named in t, leftmost-longest and not
// overlapping. A name marked Context is found only after a head noun or a
// locative word; a name after an institution's word (معهد تمبكتو) and two
// names side by side (a person's name: سيكو نيامي) are left out.
func (g *Gazetteer) Find(t *fold.Text) []Hit {
	ms := g.dict.Find(t, func(m phrase.Match[int]) bool {
		if m.First > 0 {
			for _, rd := range t.Words[m.First-1].Readings() {
				if institutions[rd.Key] {
					return false // معهد تمبكتو للأبحاث names an institute
				}
			}
		}
		return !g.entries[m.Value].Context || inContext(t, m.First)
	})
	out := make([]Hit, 0, len(ms))
	for i, m := range ms {
		// Two names side by side, with no و or comma between, are a
		// person's name (سيكو نيامي باثيلي), not two places.
		if i > 0 && sideBySide(t, ms[i-1], m) || i+1 < len(ms) && sideBySide(t, m, ms[i+1]) {
			continue
		}
		out = append(out, Hit{Start: m.Start, End: m.End, First: m.First, Last: m.Last, Entry: &g.entries[m.Value]})
	}
	return out
}

// sideBySide reports whether b's first word follows a's last with no
// proclitic or punctuation between.
func sideBySide(t *fold.Text, a, b phrase.Match[int]) bool {
	return a.Last+1 == b.First && b.Start == t.Words[b.First].Start
}

// institutions are words before a place name that make it part of an
// institution's name.
var institutions = words(`معهد جامعة مؤسسة منظمة شركة إذاعة صحيفة وكالة قناة مجلة مركز`)

// inContext reports whether the word before word i is a head noun or a
// locative word.
func inContext(t *fold.Text, i int) bool {
	if i == 0 {
		return false
	}
	k := t.Words[i-1].Key
	return IsHeadNoun(k) || isLocative(k)
}

// headNouns are the generic head nouns of places that stay outside a span
// (guidelines rules 3 and 12), with their plurals and duals.
var headNouns = words(`ولاية ولايه ولايات ولايتي مدينة مدينه مدن مدينتي منطقة منطقه مناطق منطقتي
إقليم اقليم أقاليم اقليمي قرية قريه قرى قريتي بلدة بلده بلدات بلدتي معسكر معسكرات معسكري
دائرة دائره محافظة محافظه مقاطعة مقاطعه بلدية بلديه غابة غابه قاعدة قاعده ثكنة ثكنه مخيم مخيمات
بلدتي مركز عاصمة عاصمه`)

// locatives are words after which a place name is expected.
var locatives = words(`في قرب من إلى الى بين نحو حول داخل عند شمال جنوب شرق غرب وسط شمالي جنوبي
شرقي غربي ضواحي محيط مدخل طريق باتجاه بمحاذاة قرابة بالقرب أطراف اطراف`)

func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[fold.String(w)] = true
	}
	return m
}

// IsHeadNoun reports whether a word key is a generic head noun of places
// (ولاية, مدينة, منطقة, إقليم, قرية, بلدة, معسكر and the like), with or
// without a proclitic (بولاية).
func IsHeadNoun(key string) bool {
	if headNouns[key] {
		return true
	}
	if !fold.MaySplit(key) {
		return false
	}
	for _, rd := range fold.Readings(key) {
		if headNouns[rd.Key] {
			return true
		}
	}
	return false
}

func isLocative(key string) bool {
	if locatives[key] {
		return true
	}
	r := []rune(key)
	return len(r) > 2 && (r[0] == 'و' || r[0] == 'ف') && locatives[string(r[1:])]
}
