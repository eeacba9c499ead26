// Package lexicon finds the actors of the conflicts in Mali and the Sahel
// in Arabic text: an embedded list of armed groups, state and foreign
// forces, militias, international bodies and people, each with its Arabic
// names and abbreviations and an id, extensible at run time with a user's
// list, matched on folded, clitic-aware keys.
package lexicon

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

//go:embed actors.tsv
var actorsTSV string

// The kinds of actor.
const (
	Jihadist      = "jihadist"
	Rebel         = "rebel"
	Militia       = "militia"
	State         = "state"
	Foreign       = "foreign"
	International = "international"
	Person        = "person"
	// Generic is an unnamed group or force (مسلحين مجهولين, الجيش): the
	// guidelines mark it only where it takes part in an event.
	Generic = "generic"
)

var kinds = map[string]bool{Jihadist: true, Rebel: true, Militia: true, State: true, Foreign: true,
	International: true, Person: true, Generic: true}

// Actor is one lexicon entry.
type Actor struct {
	ID     string   // such as "jnim"
	Kind   string   // one of the kinds above
	Name   string   // English name
	Arabic []string // names and abbreviations, the usual one first
}

// Lexicon is a set of actors and the dictionary of their names. The zero
// value is an empty lexicon ready for Add.
type Lexicon struct {
	actors []Actor
	byID   map[string]int
	dict   phrase.Dict[int]
}

// Parse reads a lexicon in the tab-separated form of actors.tsv: id, kind,
// name, and names separated by "|"; blank lines and lines starting with #
// are skipped. Errors name the file and the line.
func Parse(name string, r io.Reader) (*Lexicon, error) {
	l := &Lexicon{}
	if err := l.Read(name, r); err != nil {
		return nil, err
	}
	return l, nil
}

// Read adds the actors of a file in Parse's form to l, stopping at the
// first bad line (the lines before it stay added).
func (l *Lexicon) Read(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return &corpus.FileError{File: name, Line: n, Err: fmt.Errorf("want 4 tab-separated fields (id, kind, name, arabic), have %d", len(f))}
		}
		a := Actor{ID: f[0], Kind: f[1], Name: f[2]}
		for _, s := range strings.Split(f[3], "|") {
			if s = strings.TrimSpace(s); s != "" {
				a.Arabic = append(a.Arabic, s)
			}
		}
		if err := l.Add(a); err != nil {
			return &corpus.FileError{File: name, Line: n, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return &corpus.FileError{File: name, Err: err}
	}
	return nil
}

// Add adds an actor; an actor with the id of one already there adds its
// names to it (a user's list may give new spellings of a known group). A
// name already taken by another actor stays with that actor.
func (l *Lexicon) Add(a Actor) error {
	switch {
	case a.ID == "":
		return fmt.Errorf("empty id")
	case !kinds[a.Kind]:
		return fmt.Errorf("%s: unknown kind %q (want jihadist, rebel, militia, state, foreign, international, person or generic)", a.ID, a.Kind)
	case len(a.Arabic) == 0:
		return fmt.Errorf("%s: no name", a.ID)
	}
	if l.byID == nil {
		l.byID = make(map[string]int)
	}
	i, ok := l.byID[a.ID]
	if ok {
		l.actors[i].Arabic = append(l.actors[i].Arabic, a.Arabic...)
	} else {
		i = len(l.actors)
		a.Arabic = append([]string(nil), a.Arabic...)
		l.actors = append(l.actors, a)
		l.byID[a.ID] = i
	}
	for _, s := range a.Arabic {
		l.dict.Add(s, i)
	}
	return nil
}

// Clone returns a copy of l that Add may extend without changing l.
func (l *Lexicon) Clone() *Lexicon {
	c := &Lexicon{}
	for _, a := range l.actors {
		_ = c.Add(a) // valid: it was added to l
	}
	return c
}

var loadDefault = sync.OnceValue(func() *Lexicon {
	l, err := Parse("actors.tsv", strings.NewReader(actorsTSV))
	if err != nil {
		panic("lexicon: " + err.Error()) // embedded data; covered by tests
	}
	return l
})

// Default returns the embedded lexicon, parsed once; it must not be
// modified (Clone it to add a user's list).
func Default() *Lexicon { return loadDefault() }

// Len returns the number of actors.
func (l *Lexicon) Len() int { return len(l.actors) }

// Actors returns the actors in the order added; the slice must not be modified.
func (l *Lexicon) Actors() []Actor { return l.actors }

// ByID returns the actor with the given id.
func (l *Lexicon) ByID(id string) (Actor, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Actor{}, false
	}
	return l.actors[i], true
}

// Hit is an actor found in a text.
type Hit struct {
	Start, End  int // code points, the proclitics outside, a person's title inside
	First, Last int // word indices
	Actor       *Actor
}

// Find returns the actors named in t, leftmost-longest and not overlapping;
// a person's span takes in the titles right before the name (الجنرال
// آسيمي غويتا, الرئيس الانتقالي العقيد آسيمي غويتا), a named body's span
// the word قوات or قوة before it (قوات الأمم المتحدة).
func (l *Lexicon) Find(t *fold.Text) []Hit {
	ms := l.dict.Find(t, nil)
	out := make([]Hit, 0, len(ms))
	prevEnd := 0
	for _, m := range ms {
		h := Hit{Start: m.Start, End: m.End, First: m.First, Last: m.Last, Actor: &l.actors[m.Value]}
		switch h.Actor.Kind {
		case Person:
			h.First, h.Start = titleStart(t, m.First, m.Start, prevEnd)
		case Generic:
		default:
			// قوات الأمم المتحدة، قوة برخان: the forces of a named body
			if i := m.First - 1; i >= 0 && t.Words[i].Start >= prevEnd && m.Start == t.Words[m.First].Start {
				for _, rd := range t.Words[i].Readings() {
					if forces[rd.Key] {
						h.First, h.Start = i, t.Words[i].Offset(rd.Skip)
						break
					}
				}
			}
		}
		out = append(out, h)
		prevEnd = h.End
	}
	return out
}

// Lookup returns the actor s names, compared folded and clitic-aware, a
// person's titles before the name ignored.
func (l *Lexicon) Lookup(s string) (Actor, bool) {
	t := fold.New(s)
	last := len(t.Words) - 1
	for last >= 0 && t.Words[last].Punct {
		last--
	}
	for i := 0; i <= last; i++ {
		if m, ok := l.dict.At(t, i); ok && m.Last == last {
			return l.actors[m.Value], true
		}
		if k := t.Words[i].Key; !isTitleWord(k) && !forces[k] {
			break
		}
	}
	return Actor{}, false
}

// forces are the words before a named body's name that join its span.
var forces = words("قوات قوة")

// titles are the words that name a rank or office before a person's name;
// titleAdjectives may follow one of them (الرئيس الانتقالي).
var (
	titles = words(`الجنرال الفريق اللواء العميد العقيد الكولونيل المقدم الرائد النقيب الملازم
الرقيب المشير الرئيس الزعيم القائد الشيخ الأمير رئيس زعيم قائد أمير الوزير وزير`)
	titleAdjectives = words(`الانتقالي المالي البوركيني النيجري الفرنسي الروسي السابق الأول
المخلوع الراحل الأعلى العام الميداني العسكري`)
)

func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[fold.String(w)] = true
	}
	return m
}

func isTitleWord(key string) bool {
	if titles[key] || titleAdjectives[key] {
		return true
	}
	if !fold.MaySplit(key) {
		return false
	}
	for _, rd := range fold.Readings(key)[1:] {
		if titles[rd.Key] {
			return true
		}
	}
	return false
}

// titleStart walks back from word first over title words (at most four,
// none before minStart) and returns the first word and code point of the
// span: the leftmost title noun, its proclitics left out, or the name's own
// start when no title precedes it.
func titleStart(t *fold.Text, first, start, minStart int) (int, int) {
	bestWord, bestStart := first, start
	for i, n := first-1, 0; i >= 0 && n < 4; i, n = i-1, n+1 {
		w := &t.Words[i]
		if w.Start < minStart || !isTitleWord(w.Key) {
			break
		}
		for _, rd := range w.Readings() {
			if titles[rd.Key] {
				bestWord, bestStart = i, w.Offset(rd.Skip) // للجنرال (Skip 0) stays whole
				break
			}
		}
	}
	return bestWord, bestStart
}
